// The replicated journal (specs/replicated-journal): the chain-replication model checked to pinned
// verdicts and state counts, its four planted bugs found with their shortest counterexamples
// (breadth-first search), and the expectations of pith.json kept in step with these numbers. The
// proof is pinned in replicated-journal-proof.test.ts.
//
// The configurations checked here are the small ones (10^3 to 10^5 states); the larger ones
// (two clients with a crash, two crashes, a restart in a chain of three) are in pith.json, for
// `npm run check:specs` in CI.
import { describe, expect, it } from "vitest";
import { checkPinned, counterexample, loadShipped, pass, pithJsonExpect, pithJsonModel, type Expected } from "./shipped.ts";

const MODEL = "specs/replicated-journal";



/** The configurations the unit tests check, with what they give. */
const expected: Record<string, Expected> = {
  "OneCrash(nNodes=2,nClients=1,nCrashes=1,appends=1,reads=1)": pass(2_945),
  "OneCrash(nNodes=2,nClients=1,nCrashes=1,appends=2,reads=1)": pass(6_530),
  "OneCrash(nNodes=3,nClients=1,nCrashes=1,appends=1,reads=1)": pass(8_123),
  "OneCrash(nNodes=3,nClients=1,nCrashes=1,appends=2,reads=1)": pass(23_512),
  "OneCrash(nNodes=4,nClients=1,nCrashes=1,appends=1,reads=1)": pass(17_037),
  "OneCrash(nNodes=4,nClients=1,nCrashes=1,appends=2,reads=1)": pass(49_695),
  // A crashed node restarted, rejoining the chain after the tail.
  "Restart(nNodes=2,nClients=1,nCrashes=1,nRestarts=1,appends=2,reads=1)": pass(37_905),
  "Concurrent(nNodes=3,nClients=2,nCrashes=0,appends=1,reads=1)": pass(934),
  "Concurrent(nNodes=3,nClients=2,nCrashes=0,appends=1,reads=2)": pass(1_912),
  // bugs/head-acks-early: the head acknowledges before the entry has gone down the chain.
  "HeadAcksEarly(nNodes=3,nClients=1,nCrashes=0,appends=1,reads=1)": {
    verdict: "violation",
    states: 30,
    kind: "assertion",
    message: "(client = Client(4), id = 1) acknowledged at index 0, but live node EagerHeadNode(2) does not have it there: []",
    steps: 11,
  },
  // bugs/no-resend: after a middle node crashes, its predecessor does not resend its sent list.
  "NoResend(nNodes=3,nClients=2,nCrashes=1,appends=1,reads=0)": {
    verdict: "violation",
    states: 28_507,
    kind: "assertion",
    message:
      "the log of RedirectingNode(3), [(client = Client(5), id = 1)], is not a prefix of the log of its predecessor " +
      "RedirectingNode(1), [(client = Client(4), id = 1), (client = Client(5), id = 1)]",
    steps: 27,
  },
  // bugs/read-any-replica: reads are served by whichever node the client picks.
  "ReadAnyReplica(nNodes=3,nClients=2,nCrashes=0,appends=1,reads=2)": {
    verdict: "violation",
    states: 1_293,
    kind: "assertion",
    message:
      "read 3 of SpreadingClient(4) returned [(client = SpreadingClient(4), id = 1)], without (client = SpreadingClient(5), id = 1) " +
      "at index 1, which was acknowledged or read before the read began",
    steps: 30,
  },
  // bugs/tail-acks-before-append: the tail acknowledges, then appends.
  "TailAcksBeforeAppend(nNodes=3,nClients=1,nCrashes=0,appends=1,reads=1)": {
    verdict: "violation",
    states: 67,
    kind: "assertion",
    message: "(client = Client(4), id = 1) acknowledged at index 0, but live node HastyTailNode(3) does not have it there: []",
    steps: 18,
  },
};

/** The configurations that pith.json checks beyond these (CI only), with their state counts. */
const ciOnly: Record<string, number> = {
  "ConcurrentCrash(nNodes=2,nClients=2,nCrashes=1,appends=1,reads=1)": 272_862,
  "ConcurrentCrash(nNodes=3,nClients=2,nCrashes=1,appends=1,reads=1)": 866_528,
  "ConcurrentCrash(nNodes=4,nClients=2,nCrashes=1,appends=1,reads=1)": 1_590_984,
  "TwoCrashes(nNodes=3,nClients=1,nCrashes=2,appends=1,reads=1)": 269_508,
  "TwoCrashes(nNodes=4,nClients=1,nCrashes=2,appends=1,reads=1)": 774_924,
  "Restart(nNodes=3,nClients=1,nCrashes=1,nRestarts=1,appends=2,reads=1)": 151_520,
};

const model = () => loadShipped(MODEL);

describe("replicated journal: pith check", () => {
  it("checks every configuration to its pinned verdict, state count and shortest counterexample", async () => {
    expect(await checkPinned(model().ir!, expected)).toEqual(expected);
  });

  it("has the configurations pith.json expects, and no others", () => {
    const ir = model().ir!;
    expect(ir.tests.map((t) => t.name).sort()).toEqual([...Object.keys(expected), ...Object.keys(ciOnly)].sort());
  });

  it("agrees with pith.json", () => {
    const entry = pithJsonModel("replicated-journal");
    expect(entry?.paths).toEqual([MODEL]);
    expect(entry?.expect).toEqual(pithJsonExpect(expected, ciOnly));
  });

  it("shows the eager head's acknowledgement as the last step", async () => {
    const ir = model().ir!;
    const steps = await counterexample(ir, "HeadAcksEarly");
    expect(steps).toEqual([
      "Driver(0) start",
      "Driver(0)",
      "Driver(0)",
      "Driver(0)",
      "Driver(0)",
      "Driver(0)",
      "Client(4) start -> eAppend to EagerHeadNode(1)",
      "Master(5) start -> eConfigure to EagerHeadNode(1)",
      "EagerHeadNode(1) eConfigure",
      "EagerHeadNode(1) eAppend",
      "EagerHeadNode(1) -> eAppended to Client(4)",
    ]);
  });

  it("loses the entry on its way to the crashed middle node without a resend", async () => {
    const ir = model().ir!;
    const steps = await counterexample(ir, "NoResend");
    // The first append is forwarded to the middle node, which crashes; the head is introduced to
    // the tail and forwards only the second append, which the tail puts at index 0.
    expect(steps.slice(8)).toEqual([
      "Client(4) start -> eAppend to RedirectingNode(1)",
      "Master(6) start -> eConfigure to RedirectingNode(1)",
      "RedirectingNode(1) eConfigure",
      "RedirectingNode(1) eAppend",
      "RedirectingNode(1) -> eForward to RedirectingNode(2)",
      "Master(6) -> eConfigure to RedirectingNode(2)",
      "Master(6) -> eConfigure to RedirectingNode(3)",
      "RedirectingNode(3) eConfigure",
      "CrashInjector(7) start",
      "CrashInjector(7) null",
      "CrashInjector(7) -> halt to RedirectingNode(2)",
      "CrashInjector(7) -> eCrashed to Master(6)",
      "Master(6) eCrashed -> eNewPred to RedirectingNode(3)",
      "RedirectingNode(3) eNewPred -> eIntroduce to RedirectingNode(1)",
      "RedirectingNode(1) eIntroduce",
      "Client(5) start -> eAppend to RedirectingNode(1)",
      "RedirectingNode(1) eAppend",
      "RedirectingNode(1) -> eForward to RedirectingNode(3)",
      "RedirectingNode(3) eForward",
    ]);
  });
});
