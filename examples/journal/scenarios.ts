// Runs of the journal in one process that record a trace for `pith conform`, each the run of a
// configuration of the model's tests (specs/replicated-journal/PTst/tests.p):
//
// - two-clients: Concurrent(nNodes=3,nClients=2,nCrashes=0,appends=1,reads=1): two clients append
//   once each, then read.
// - crash-head, crash-middle, crash-tail: OneCrash(nNodes=3,nClients=1,nCrashes=1,appends=2,reads=1):
//   a client appends twice and reads; the node crashes while the first entry is on its way to it
//   (for the head: on its way from the head to the middle node), the case that needs the repair.
//
// The network delivers each endpoint's messages in the order they were sent ("sent" order, no
// faults), as P's inboxes do: with reordering between senders, a run can leave the model (see
// docs/case-studies/replicated-journal.md). The seed picks which endpoint moves next.
import type { Bug } from "./bugs.ts";
import { LocalCluster, nodeId } from "./cluster.ts";
import { TraceRecorder } from "./generated.ts";

export interface Scenario {
  /** The configuration of the model's tests that the run follows. */
  readonly test: string;
  readonly clients: number;
  run(c: LocalCluster): Promise<void>;
}

const ONE_CRASH = "OneCrash(nNodes=3,nClients=1,nCrashes=1,appends=2,reads=1)";

function crashOnce(victim: number): Scenario {
  return {
    test: ONE_CRASH,
    clients: 1,
    async run(c) {
      const [client] = c.clients;
      const first = client.append("first");
      // The entry is with the node before the victim (the head itself, for the head), not with the next.
      const holder = Math.max(victim - 1, 0);
      await c.network.run(() => c.node(holder).node.log.length > 0);
      if (victim === 0) await c.network.run(() => c.node(1).node.log.length > 0 || c.network.inFlight === 0);
      await c.crash(nodeId(victim));
      await c.until(first.then(() => client.append("second")).then(() => client.read()));
    },
  };
}

export const SCENARIOS: Readonly<Record<string, Scenario>> = {
  "two-clients": {
    test: "Concurrent(nNodes=3,nClients=2,nCrashes=0,appends=1,reads=1)",
    clients: 2,
    async run(c) {
      await c.until(Promise.all(c.clients.map((client) => client.append(`from ${client.id}`).then(() => client.read()))));
    },
  },
  "crash-head": crashOnce(0),
  "crash-middle": crashOnce(1),
  "crash-tail": crashOnce(2),
};

export interface Recorded {
  /** The trace, NDJSON. */
  readonly trace: string;
  /** Whether every request of the run was answered (a bug can leave the journal stuck). */
  readonly completed: boolean;
}

/** Runs scenario `name` with `seed` (and `bug`, if any) and returns its trace. */
export async function recordScenario(name: string, seed: number, bug?: Bug): Promise<Recorded> {
  const scenario = SCENARIOS[name];
  if (scenario === undefined) throw new Error(`no scenario '${name}'`);
  const lines: string[] = [];
  let time = 0;
  const trace = new TraceRecorder((line) => lines.push(line), () => ++time);
  const c = await LocalCluster.start({ nodes: 3, clients: scenario.clients, seed, faults: { order: "sent" }, trace, bug });
  let completed = true;
  try {
    await scenario.run(c);
    await c.settle();
  } catch {
    completed = false;
  } finally {
    await c.close();
  }
  return { trace: lines.join("\n") + "\n", completed };
}
