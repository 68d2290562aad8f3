// The explorer's P semantics, pinned on tiny models (test/explore/semantics/*.p) whose numbers were
// worked out by hand: each rule of docs/language/semantics.md has a model, and each model's
// verdict, distinct states, transitions and (for a violation) kind, message and counterexample are
// asserted exactly. The comment above each case says how its numbers come about. Two classic
// models close the file: two-phase commit and the Die Hard jugs, against the numbers TLC reports.
//
// Conventions of the counts: the initial states are what the main machine's start entry reaches
// before its first point of interleaving; a step runs up to one send, announce or `new`, and stops
// before the next; transitions count the emissions of expanded states (failing ones included,
// initial ones not). When the search stops at a violation, the counts are those at that moment:
// BFS expands the failing step's state in full and stops.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { frontEnd, loadModel, type FrontEndResult } from "../../src/driver.ts";
import { checkTests, type TestOutcome } from "../../src/explore/check.ts";
import { exploreSync, replay } from "../../src/explore/engine/index.ts";
import { PModel } from "../../src/explore/p/model.ts";
import { CompiledProgram } from "../../src/explore/p/program.ts";
import { describeTrace, type StepView } from "../../src/explore/p/trace.ts";
import { TwoPhase } from "./engine/models/twophase.ts";

const folder = join(dirname(fileURLToPath(import.meta.url)), "semantics");

interface Checked {
  readonly result: FrontEndResult;
  readonly outcomes: ReadonlyMap<string, TestOutcome>;
}

/** Checks every test of `file` (under semantics/) breadth-first, with liveness. */
async function check(file: string): Promise<Checked> {
  const { files, problems } = loadModel([file], folder);
  expect(problems).toEqual([]);
  const result = frontEnd(files);
  expect(result.diagnostics.filter((d) => d.severity === "error").map((d) => d.message)).toEqual([]);
  const outcomes = await checkTests(result.ir!, result.ir!.tests, { mode: "bfs", budget: {}, liveness: true });
  return { result, outcomes: new Map(outcomes.map((o) => [o.test, o])) };
}

/** A step as lines: what moved and how, then one indented line per thing it did. */
function stepLines(s: StepView): string[] {
  const head =
    s.kind === "start"
      ? `${s.machine} starts in ${s.stateAfter}`
      : s.kind === "continue"
        ? `${s.machine} in ${s.stateBefore} goes on`
        : `${s.machine} in ${s.stateBefore} handles ${s.event}${s.payload === undefined ? "" : ` ${s.payload}`}`;
  const lines = [head];
  for (const c of s.creates) lines.push(`  creates ${c}`);
  for (const x of s.sends) lines.push(`  sends ${x.event}${x.payload === undefined ? "" : ` ${x.payload}`} to ${x.to}`);
  for (const a of s.announces) lines.push(`  announces ${a.event}${a.payload === undefined ? "" : ` ${a.payload}`}`);
  for (const m of s.monitors) lines.push(`  monitor ${m.monitor} observes ${m.event} -> ${m.stateAfter}`);
  for (const c of s.changes) lines.push(`  ${c.name}: ${c.before} -> ${c.after}`);
  for (const p of s.prints) lines.push(`  print: ${p}`);
  if (s.kind !== "start" && s.stateAfter !== s.stateBefore && s.status === undefined && s.failure === undefined) {
    lines.push(`  goes to ${s.stateAfter}`);
  }
  if (s.status === "running") lines.push("  (part way through the handler)");
  if (s.status === "blocked") lines.push("  waits in a receive");
  if (s.status === "halted") lines.push("  halts");
  if (s.failure !== undefined) lines.push(`  x ${s.failure.kind}`);
  return lines;
}

interface Expected {
  readonly verdict: TestOutcome["verdict"];
  readonly distinct: number;
  readonly transitions: number;
  readonly kind?: string;
  readonly message?: string;
  readonly steps?: readonly string[];
  readonly cycle?: readonly string[];
}

function summary(o: TestOutcome | undefined): Expected {
  expect(o).toBeDefined();
  const v = o!.violation;
  return {
    verdict: o!.verdict,
    distinct: o!.stats.distinct,
    transitions: o!.stats.transitions,
    kind: v?.kind,
    message: v?.message,
    steps: v?.steps.flatMap(stepLines),
    cycle: v?.cycle?.flatMap(stepLines),
  };
}

/** The one test of `file`, checked against `expected`. */
async function expectModel(file: string, expected: Expected): Promise<Checked> {
  const checked = await check(file);
  expect(checked.outcomes.size).toBe(1);
  expect(summary([...checked.outcomes.values()][0])).toEqual(expected);
  return checked;
}

/** The line of the statement a violation was reported at. */
function lineOf(checked: Checked, o: TestOutcome | undefined): number | undefined {
  const span = o?.violation?.span;
  return span === undefined ? undefined : checked.result.sources.get(span.file)?.position(span.start).line;
}

describe("inboxes", () => {
  // Sender: new (initial state), send 1, send 2. Receiver can take 1 before 2 is sent, and both
  // orders of "Sender sends 2" and "Receiver takes 1" meet again: 6 states, 6 transitions.
  it("takes the events of one sender in the order they were sent (fifo.p)", async () => {
    await expectModel("fifo.p", { verdict: "pass", distinct: 6, transitions: 6 });
  });

  // Office sends eJob 1, eWarm, eJob 2; Printer can move only once eWarm is in (it defers eJob):
  // 4 states while Cold (the initial one, then one per send), 5 in Ready (with eWarm sent, 0 or 1
  // job printed; with everything sent, 0, 1 or 2): 9 states, 10 transitions.
  it("keeps a deferred event in place and takes it later in its original order (defer.p)", async () => {
    await expectModel("defer.p", { verdict: "pass", distinct: 9, transitions: 10 });
  });

  // Boss sends ePing, eJob, ePing; Worker (ignoring ePing) may drop the first ping alone, or with
  // the job it takes, and drops the last ping alone: 10 states, 12 transitions.
  it("drops ignored events, in front of the event taken or in a step of their own (ignore.p)", async () => {
    await expectModel("ignore.p", { verdict: "pass", distinct: 10, transitions: 12 });
  });

  // Waiter's null handler may run before Main's send (leaving for Done, which cannot take eData)
  // or after Waiter took eData. BFS: level 1 holds both first moves, level 2 one state after each;
  // expanding the first of those adds Waiter gone to Done after taking eData, expanding the second
  // fails: 6 states, 6 transitions.
  it("runs the null handler when no event can be taken (null-handler.p)", async () => {
    await expectModel("null-handler.p", {
      verdict: "violation",
      distinct: 6,
      transitions: 6,
      kind: "unhandled-event",
      message: "Waiter in state Done cannot handle event eData",
      steps: [
        "Main(0) starts in Init",
        "  creates Waiter(1)",
        "  (part way through the handler)",
        "Waiter(1) in Waiting handles null",
        "  goes to Done",
        "Main(0) in Init goes on",
        "  sends eData 1 to Waiter(1)",
        "Waiter(1) in Done handles eData 1",
        "  x unhandled-event",
      ],
    });
  });
});

describe("handlers and transitions", () => {
  // Main: new, send eGo, send eSecond; Handler takes eGo (and the raised eFirst, in the same
  // step) before or after eSecond is sent: 6 states, 6 transitions.
  it("handles a raised event at once, before the inbox, abandoning the raising handler (raise.p)", async () => {
    await expectModel("raise.p", { verdict: "pass", distinct: 6, transitions: 6 });
  });

  // One machine: its start entry sends itself eGo (the initial state); handling it runs the whole
  // chain exit, with, entry, raise, goto, exit, entry in one step: 2 states, 1 transition.
  it("runs exit, then the with-function, then entry, and passes the payload to both (goto-order.p)", async () => {
    await expectModel("goto-order.p", { verdict: "pass", distinct: 2, transitions: 1 });
  });

  // Main: new Worker(5), send eMove 6; Worker's start entry runs before or after the send; then it
  // takes eMove and goes through Moved to Last in one step: 5 states, 5 transitions.
  it("passes payloads to entry functions from new, from on-goto and from goto (payloads.p)", async () => {
    await expectModel("payloads.p", { verdict: "pass", distinct: 5, transitions: 5 });
  });

  // Client: new, send eReq (then waits for eA); Server: eNoise, eA, eB, one step each. Client can
  // take eA before or after eB is sent, then waits for eB or goes on: 9 states, 9 transitions.
  // (A second wait that follows the first with no send in between must still remember the
  // operations done before the first; forgetting them makes Client create a second Server.)
  it("waits in a receive inside a function, leaving other events in place (receive.p)", async () => {
    await expectModel("receive.p", { verdict: "pass", distinct: 9, transitions: 9 });
  });

  // Main: prints, new (initial state); send, print, wait; Echo replies; Main prints and fails:
  // 3 states, 3 transitions. Each print appears in the step that ran it, once.
  it("shows each print in the step that ran it (prints.p)", async () => {
    await expectModel("prints.p", {
      verdict: "violation",
      distinct: 3,
      transitions: 3,
      kind: "assertion",
      message: "stop",
      steps: [
        "Main(0) starts in Init",
        "  creates Echo(1)",
        "  print: creating",
        "  print: created",
        "  (part way through the handler)",
        "Main(0) in Init goes on",
        "  sends eGo Main(0) to Echo(1)",
        "  print: sent",
        "  waits in a receive",
        "Echo(1) in Echoing handles eGo Main(0)",
        "  sends eReply to Main(0)",
        "Main(0) in Init goes on",
        "  print: replied",
        "  print: done",
        "  x assertion",
      ],
    });
  });

  // Main: new Echo (initial state), new Sender; Echo may start (and wait) before or after Sender
  // is created, and Sender sends. BFS: level 2 holds Echo waiting with Sender not started, and
  // eGo sent to Echo not started; expanding the first finds Echo waiting with eGo (6 states),
  // expanding the second fails: 7 transitions. The path where Echo waits first is replayed by
  // its emission ordinals (Echo is emission 1 of the initial state).
  it("shows changes when a handler completes, and a resumed start entry as going on (counterexample.p)", async () => {
    const { result } = await expectModel("counterexample.p", {
      verdict: "violation",
      distinct: 6,
      transitions: 7,
      kind: "assertion",
      message: "got 7",
      steps: [
        "Main(0) starts in Init",
        "  creates Echo(1)",
        "  (part way through the handler)",
        "Main(0) in Init goes on",
        "  creates Sender(2)",
        "  echo: null -> Echo(1)",
        "Sender(2) starts in Sending",
        "  sends eGo 7 to Echo(1)",
        "Echo(1) starts in Idle",
        "  x assertion",
      ],
    });
    const model = new PModel(new CompiledProgram(result.ir!), result.ir!.tests[0]);
    const waitingFirst = describeTrace(model, replay(model, { ordinals: [0, 1, 0, 0, 0], indices: [] }));
    expect(waitingFirst.flatMap(stepLines)).toEqual([
      "Main(0) starts in Init",
      "  creates Echo(1)",
      "  (part way through the handler)",
      "Echo(1) starts in Idle",
      "  waits in a receive",
      "Main(0) in Init goes on",
      "  creates Sender(2)",
      "  echo: null -> Echo(1)",
      "Sender(2) starts in Sending",
      "  sends eGo 7 to Echo(1)",
      "Echo(1) in Idle goes on",
      "  x assertion",
    ]);
  });

  // Asker: new (initial state), send eAsk and wait; Answerer drops eAsk; then nothing can move and
  // Asker waits: 3 states, 2 transitions.
  it("reports a deadlock when nothing can move and a machine waits in a receive (deadlock.p)", async () => {
    await expectModel("deadlock.p", {
      verdict: "violation",
      distinct: 3,
      transitions: 2,
      kind: "deadlock",
      message: "no step is possible and the state is not an acceptable end state",
      steps: [
        "Asker(0) starts in Asking",
        "  creates Answerer(1)",
        "  (part way through the handler)",
        "Asker(0) in Asking goes on",
        "  sends eAsk to Answerer(1)",
        "  waits in a receive",
        "Answerer(1) in Listening handles eAsk",
      ],
    });
  });
});

describe("halt", () => {
  // Main: new, send halt, send eWork. Worker halts before or after eWork is sent; either way eWork
  // is never taken (discarded with the inbox, or dropped when sent): 5 states, 5 transitions.
  it("halts a machine that takes halt, discarding its inbox and later sends (halt-send.p)", async () => {
    await expectModel("halt-send.p", { verdict: "pass", distinct: 5, transitions: 5 });
  });

  // The same shape with eStop, whose handler raises halt: 5 states, 5 transitions.
  it("halts a machine that raises halt (halt-raise.p)", async () => {
    await expectModel("halt-raise.p", { verdict: "pass", distinct: 5, transitions: 5 });
  });

  // Worker ignores the raised halt and takes eWork after it: one state more than halt-raise.p
  // (Worker idle with the work done): 6 states, 6 transitions. Had the raised halt halted Worker,
  // Done would be hot at the end.
  it("ignores a raised halt in a state that ignores halt (halt-ignored.p)", async () => {
    await expectModel("halt-ignored.p", { verdict: "pass", distinct: 6, transitions: 6 });
  });
});

describe("monitors", () => {
  // Counter's start entry sets `expected` to 1 before anything runs. The initial state is after
  // the first announcement; the second fails: 1 state, 1 transition.
  it("runs monitors' start entries first and observes announcements synchronously (announce.p)", async () => {
    await expectModel("announce.p", {
      verdict: "violation",
      distinct: 1,
      transitions: 1,
      kind: "assertion",
      message: "saw 2, expected 2",
      steps: [
        "Announcer(0) starts in Init",
        "  announces eSeen 1",
        "  monitor Counter observes eSeen -> Counting",
        "  (part way through the handler)",
        "Announcer(0) in Init goes on",
        "  announces eSeen 2",
        "  x assertion",
      ],
    });
  });

  // Client: new, send eReq, announce eAfter; Server takes eReq before or after the announcement:
  // 5 states, 5 transitions, and the monitor has seen eReq in all of them.
  it("observes a send when it happens, before the target takes the event (monitor-timing.p)", async () => {
    await expectModel("monitor-timing.p", { verdict: "pass", distinct: 5, transitions: 5 });
  });
});

describe("choices", () => {
  // One step with 2 x 2 x 3 x 2 = 24 combinations from the initial state. With `refuse`, the
  // combination true, false, 1, 7 is emission ((1 * 2 + 0) * 3 + 1) * 2 + 1 = 15 in odometer
  // order; the other 23 are new states.
  it("branches on $, $$, choose(n) and choose(collection), in odometer order (nondet.p)", async () => {
    const { outcomes } = await check("nondet.p");
    expect([...outcomes.keys()]).toEqual(["Choices(refuse=false)", "Choices(refuse=true)"]);
    expect(summary(outcomes.get("Choices(refuse=false)"))).toEqual({ verdict: "pass", distinct: 25, transitions: 24 });
    const refused = outcomes.get("Choices(refuse=true)");
    expect(summary(refused)).toEqual({
      verdict: "violation",
      distinct: 24,
      transitions: 24,
      kind: "assertion",
      message: "picked true, false, 1, 7",
      steps: ["Picker(0) starts in Init", "  sends eGo to Picker(0)", "Picker(0) in Init handles eGo", "  x assertion"],
    });
    expect(refused?.violation?.ordinals).toEqual([0, 15]);
  });

  // Main: new (initial state), then the send and the changes after it; Keeper takes the payload.
  it("copies values on assignment, on calls and when sending (values.p)", async () => {
    await expectModel("values.p", { verdict: "pass", distinct: 3, transitions: 2 });
  });
});

describe("bugs", () => {
  it("reports an event that the state does not handle (unhandled.p)", async () => {
    await expectModel("unhandled.p", {
      verdict: "violation",
      distinct: 2,
      transitions: 2,
      kind: "unhandled-event",
      message: "Peer in state Idle cannot handle event eOops",
      steps: [
        "Main(0) starts in Init",
        "  creates Peer(1)",
        "  (part way through the handler)",
        "Main(0) in Init goes on",
        "  sends eOops to Peer(1)",
        "Peer(1) in Idle handles eOops",
        "  x unhandled-event",
      ],
    });
  });

  // Each error happens in the main machine's start entry, so no state exists yet: 0 states.
  it("reports each runtime error at its statement (runtime-errors.p)", async () => {
    const checked = await check("runtime-errors.p");
    const errors: [string, number][] = [
      ["key 3 is not in the map", 27],
      ["index 5 is out of range for a seq of length 2", 28],
      ["cannot cast 1 to string", 29],
      ["choose from an empty collection", 30],
      ["choose(0) has no value to choose from", 31],
      ["division by zero", 32],
      ["division by zero", 33],
      ["send to a null machine reference", 34],
      ["key 1 is already in the map", 35],
      ["raise of a null event", 36],
      ["5 is not a value of enum Color", 37],
      ["a loop ran more than 1,000,000 times in one step", 39],
    ];
    expect(checked.outcomes.size).toBe(errors.length);
    errors.forEach(([message, line], which) => {
      const o = checked.outcomes.get(`Runtime(which=${which})`);
      expect(summary(o)).toEqual({
        verdict: "violation",
        distinct: 0,
        transitions: 0,
        kind: "runtime",
        message,
        steps: ["Main(0) starts in Init", "  x runtime"],
      });
      expect(lineOf(checked, o)).toBe(line);
    });
  });

  // Client: new, send eRequest (Answered goes hot); Service takes it and answers nothing; then no
  // step is possible: 3 states, 2 transitions.
  it("reports a monitor that is hot when nothing can move (live-hot-end.p)", async () => {
    await expectModel("live-hot-end.p", {
      verdict: "violation",
      distinct: 3,
      transitions: 2,
      kind: "liveness",
      message: "monitor Answered is hot in a state where no step is possible",
      steps: [
        "Client(0) starts in Init",
        "  creates Service(1)",
        "  (part way through the handler)",
        "Client(0) in Init goes on",
        "  sends eRequest to Service(1)",
        "  monitor Answered observes eRequest -> Waiting",
        "Service(1) in Serving handles eRequest",
      ],
    });
  });

  // The states are Main/Responder's progress times Spinner started or spinning. answers = true:
  // five phases (Responder created, question sent, answered, answer taken) x 2 = 10 states, each
  // with Spinner's step and, but for the last phase, one other: 18 transitions. The one hot cycle
  // is Spinner spinning while the question waits, unfair to Responder. answers = false: four
  // phases x 2 = 8 states, 14 transitions, and once Responder has dropped the question, Spinner
  // spinning alone is a fair cycle. BFS reaches its state through Spinner's start, then Responder.
  it("reports a failed assert at the assert, not in a function its condition calls (assert-location.p)", async () => {
    const { result, outcomes } = await check("assert-location.p");
    const v = outcomes.get("tcAssertLocation")?.violation;
    expect(v?.message).toBe("seven is not small");
    const file = result.sources.get(v!.span!.file)!;
    expect(file.position(v!.span!.start)).toEqual({ line: 10, column: 13 });
  });

  it("never lets a fair choice come out false forever (fair-choice.p)", async () => {
    const { outcomes } = await check("fair-choice.p");
    expect(summary(outcomes.get("fair"))).toEqual({ verdict: "pass", distinct: 2, transitions: 3 });
    const plain = summary(outcomes.get("plain"));
    expect(plain).toMatchObject({
      verdict: "violation",
      kind: "liveness",
      message: "monitor Finishes can stay hot forever: a fair cycle of 1 step never cools it",
    });
  });

  it("reports a fair hot cycle and not an unfair one (live-cycle.p)", async () => {
    const { outcomes } = await check("live-cycle.p");
    expect(summary(outcomes.get("Spinning(answers=true)"))).toEqual({ verdict: "pass", distinct: 10, transitions: 18 });
    expect(summary(outcomes.get("Spinning(answers=false)"))).toEqual({
      verdict: "violation",
      distinct: 8,
      transitions: 14,
      kind: "liveness",
      message: "monitor Answered can stay hot forever: a fair cycle of 1 step never cools it",
      steps: [
        "Main(0) starts in Init",
        "  creates Spinner(1)",
        "  (part way through the handler)",
        "Main(0) in Init goes on",
        "  creates Responder(2)",
        "  (part way through the handler)",
        "Main(0) in Init goes on",
        "  sends eQuestion Main(0) to Responder(2)",
        "  monitor Answered observes eQuestion -> Waiting",
        "Spinner(1) starts in Spinning",
        "  sends eSpin to Spinner(1)",
        "Responder(2) in Serving handles eQuestion Main(0)",
      ],
      cycle: ["Spinner(1) in Spinning handles eSpin", "  sends eSpin to Spinner(1)"],
    });
  });
});

describe("tests and scheduling", () => {
  // States: k workers created (1..n) times which of them have started: 2 + 4 + ... + 2^n.
  // Transitions: Main's next creation while k < n, plus one start per worker not started:
  // 1 for n = 1, 7 for n = 2, 23 for n = 3. With `crash`, Main's last creation fails: for n = 2
  // at the first expansion (2 states: the initial one and Worker(1) started), for n = 3 at the
  // second (5 states).
  it("runs one configuration per combination of params that the assumption keeps (parametric.p)", async () => {
    const { outcomes } = await check("parametric.p");
    expect([...outcomes.keys()]).toEqual([
      "Sweep(n=1,crash=false)",
      "Sweep(n=2,crash=false)",
      "Sweep(n=2,crash=true)",
      "Sweep(n=3,crash=false)",
      "Sweep(n=3,crash=true)",
    ]);
    expect(summary(outcomes.get("Sweep(n=1,crash=false)"))).toEqual({ verdict: "pass", distinct: 2, transitions: 1 });
    expect(summary(outcomes.get("Sweep(n=2,crash=false)"))).toEqual({ verdict: "pass", distinct: 6, transitions: 7 });
    expect(summary(outcomes.get("Sweep(n=3,crash=false)"))).toEqual({ verdict: "pass", distinct: 14, transitions: 23 });
    expect(summary(outcomes.get("Sweep(n=2,crash=true)"))).toEqual({
      verdict: "violation",
      distinct: 2,
      transitions: 2,
      kind: "assertion",
      message: "crashed after creating 2 workers",
      steps: [
        "Main(0) starts in Init",
        "  creates Worker(1)",
        "  (part way through the handler)",
        "Main(0) in Init goes on",
        "  creates Worker(2)",
        "  x assertion",
      ],
    });
    expect(summary(outcomes.get("Sweep(n=3,crash=true)"))).toMatchObject({
      verdict: "violation",
      distinct: 5,
      transitions: 5,
      message: "crashed after creating 3 workers",
    });
  });

  // Main creates X, Y, A, B (4 steps; A may start before B is created). A and B each send to X,
  // then to Y, one step each. Counting (A's sends, B's sends) with the arrival orders: 2 states
  // before A exists, 3 with A but not B, and with both: 5 where one has not sent, 2 + 2 + 2 where
  // X has both events (A then B, or B then A), 4 where both inboxes are full: 20 states, 23
  // transitions. Each of the four full combinations is reached (want = 0..3 each fail, BFS order:
  // X and Y both A first; X A first, Y B first; X B first, Y A first; both B first), one expansion
  // apart at the last level but one, so each finds one state and one transition more.
  it("interleaves two handlers that each send twice into every order of the inboxes (scheduling.p)", async () => {
    const { outcomes } = await check("scheduling.p");
    expect(summary(outcomes.get("Interleavings(want=4)"))).toEqual({ verdict: "pass", distinct: 20, transitions: 23 });
    const prefix = [
      "Main(0) starts in Init",
      "  creates X(1)",
      "  (part way through the handler)",
      "Main(0) in Init goes on",
      "  creates Y(2)",
      "  (part way through the handler)",
      "Main(0) in Init goes on",
      "  creates A(3)",
      "  (part way through the handler)",
      "Main(0) in Init goes on",
      "  creates B(4)",
    ];
    const step = (who: "A(3)" | "B(4)", start: boolean, to: "X(1)" | "Y(2)", last = false): string[] => {
      const event = who === "A(3)" ? "eFromA" : "eFromB";
      return [
        start ? `${who} starts in Sending` : `${who} in Sending goes on`,
        `  sends ${event} ${to === "X(1)" ? 0 : 1} to ${to}`,
        ...(last ? ["  x assertion"] : [`  monitor Judge observes ${event} -> Watching`, ...(start ? ["  (part way through the handler)"] : [])]),
      ];
    };
    const cases: [number, number, string, string[]][] = [
      [16, 20, "X received [0, 1], Y received [0, 1]", [...step("A(3)", true, "X(1)"), ...step("A(3)", false, "Y(2)"), ...step("B(4)", true, "X(1)"), ...step("B(4)", false, "Y(2)", true)]],
      [17, 21, "X received [0, 1], Y received [1, 0]", [...step("A(3)", true, "X(1)"), ...step("B(4)", true, "X(1)"), ...step("B(4)", false, "Y(2)"), ...step("A(3)", false, "Y(2)", true)]],
      [18, 22, "X received [1, 0], Y received [0, 1]", [...step("B(4)", true, "X(1)"), ...step("A(3)", true, "X(1)"), ...step("A(3)", false, "Y(2)"), ...step("B(4)", false, "Y(2)", true)]],
      [19, 23, "X received [1, 0], Y received [1, 0]", [...step("B(4)", true, "X(1)"), ...step("A(3)", true, "X(1)"), ...step("B(4)", false, "Y(2)"), ...step("A(3)", false, "Y(2)", true)]],
    ];
    cases.forEach(([distinct, transitions, received, steps], want) => {
      expect(summary(outcomes.get(`Interleavings(want=${want})`))).toEqual({
        verdict: "violation",
        distinct,
        transitions,
        kind: "assertion",
        message: `${received} (0: from A, 1: from B)`,
        steps: [...prefix, ...steps],
      });
    });
  });
});

describe("classic models", () => {
  // Test tc emits only the steps that change the state (no monitor, so no cycles to look for),
  // and keeps one step in each state where none does (28, 82 and 244 of them, the states where
  // nothing is left to decide). Test Observed attaches a monitor, so every enabled action is
  // emitted, and its numbers are exactly those of the engine's own two-phase commit model.
  it("reaches TLC's state counts for two-phase commit (twophase.p)", async () => {
    const { outcomes } = await check("twophase.p");
    const rows: [number, number, number, number, number][] = [
      [3, 288, 789, 1_145, 10],
      [4, 1_568, 5_459, 8_257, 13],
      [5, 8_832, 37_589, 58_145, 16],
    ];
    for (const [rms, distinct, changing, all, depth] of rows) {
      const tc = outcomes.get(`tc(nRM=${rms})`);
      expect(summary(tc)).toEqual({ verdict: "pass", distinct, transitions: changing });
      expect(tc?.stats.maxDepth).toBe(depth);
      const observed = outcomes.get(`Observed(nRM=${rms})`);
      expect(summary(observed)).toEqual({ verdict: "pass", distinct, transitions: all });
      expect(observed?.stats.maxDepth).toBe(depth);
      const engine = exploreSync(new TwoPhase(rms), { mode: "bfs" });
      expect([engine.stats.distinct, engine.stats.transitions, engine.stats.maxDepth]).toEqual([distinct, all, depth]);
    }
  });

  // From (0, 0) the jugs reach 16 states, 7 actions away at most. Of the 16 x 6 actions, 58
  // change the jugs; with a monitor attached all 96 are emitted (TLC: 97 states generated, the
  // initial one included). With findFour, BFS fails while expanding (2, 5), the second state of
  // level 5, by pouring the big jug into the small one: 13 states found, 42 transitions, and the
  // counterexample is TLC's: fill big, big to small, empty small, big to small, fill big, big to
  // small.
  it("reaches TLC's state count and counterexample for the Die Hard jugs (diehard.p)", async () => {
    const { outcomes } = await check("diehard.p");
    const pass = outcomes.get("DieHard(findFour=false)");
    expect(summary(pass)).toEqual({ verdict: "pass", distinct: 16, transitions: 58 });
    expect(pass?.stats.maxDepth).toBe(7);
    expect(summary(outcomes.get("Observed"))).toEqual({ verdict: "pass", distinct: 16, transitions: 96 });
    const found = outcomes.get("DieHard(findFour=true)");
    expect(summary(found)).toEqual({
      verdict: "violation",
      distinct: 13,
      transitions: 42,
      kind: "assertion",
      message: "the big jug holds 4 gallons (small 3, big 4)",
      steps: [
        "Jugs(0) starts in Pouring",
        "Jugs(0) in Pouring handles null",
        "  big: 0 -> 5",
        "Jugs(0) in Pouring handles null",
        "  small: 0 -> 3",
        "  big: 5 -> 2",
        "Jugs(0) in Pouring handles null",
        "  small: 3 -> 0",
        "Jugs(0) in Pouring handles null",
        "  small: 0 -> 2",
        "  big: 2 -> 0",
        "Jugs(0) in Pouring handles null",
        "  big: 0 -> 5",
        "Jugs(0) in Pouring handles null",
        "  x assertion",
      ],
    });
    expect(found?.violation?.ordinals).toEqual([0, 1, 2, 1, 3, 1, 3]);
  });
});
