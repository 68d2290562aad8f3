// The GitHub Actions reporters: the exact workflow commands for the known violation and for static
// problems, escaping, GitHub's limit of ten errors and ten warnings per step, and the job summary
// (pinned as a golden file) with its Mermaid chart, cut to the last steps of a long trace.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { SourceFile, SourceSet } from "../../src/diagnostics/source.ts";
import type { TestOutcome } from "../../src/explore/check.ts";
import type { StepView } from "../../src/explore/p/trace.ts";
import { escapeData, escapeProperty, githubAnnotations, githubSummary, markdownText } from "../../src/report/github.ts";
import { mermaidText, sequenceDiagram } from "../../src/report/mermaid.ts";
import type { ModelRun } from "../../src/report/run-report.ts";
import { expectGolden } from "../golden.ts";
import { modelRun, modelRunWithin, ORDER_BUG, report, ROOT } from "./fixture.ts";

const GOLDEN = join(ROOT, "test", "report", "golden");

describe("githubAnnotations", () => {
  it("puts the known violation on the failing assert, with the counterexample in the message", async () => {
    const run = await modelRun(ORDER_BUG);
    expect(githubAnnotations(report(run))).toBe(
      "::error file=test/report/order-bug.p,line=17,col=31,endLine=17,endColumn=97,title=Pith%3A assertion in test tcOrder::" +
        [
          "assertion: responses out of order: [10, 2]",
          "",
          "Test tcOrder of test/report/order-bug.p: counterexample of 7 steps:",
          "  1. Client(0) starts in Init; creates Server(1)",
          "  2. Client(0) in Init goes on; sends eReq (client = Client(0), n = 1) to Server(1); monitor Answered observes eReq -> Waiting",
          "  3. Client(0) in Init goes on; sends eReq (client = Client(0), n = 2) to Server(1); monitor Answered observes eReq -> Waiting; server: null -> Server(1)",
          "  4. Server(1) in Serve handles eReq (client = Client(0), n = 1); sends eResp 10 to Client(0); monitor Answered observes eResp -> Waiting",
          "  5. Client(0) in Init handles eResp 10; got: [] -> [10]",
          "  6. Server(1) in Serve handles eReq (client = Client(0), n = 2); sends eResp 2 to Client(0); monitor Answered observes eResp -> Idle",
          "  7. Client(0) in Init handles eResp 2; fails: assertion: responses out of order: [10, 2]",
        ].join("%0A") +
        "\n",
    );
  });

  it("reports static errors, then warnings, each on its span", async () => {
    const run = await modelRun("test/report/static-errors.p");
    expect(run.outcomes).toEqual([]);
    expect(githubAnnotations(report(run))).toBe(
      [
        "::error file=test/report/static-errors.p,line=7,col=11,endLine=7,endColumn=15,title=Pith PTH3001::Type mismatch: expected int but found string.",
        "::error file=test/report/static-errors.p,line=9,col=7,endLine=9,endColumn=11,title=Pith PTH2001::Unknown name 'count'.",
        "::warning file=test/report/static-errors.p,line=8,col=20,endLine=8,endColumn=32,title=Pith PTH3015::The format string uses 2 argument(s) but 1 were given.",
        "",
      ].join("\n"),
    );
  });

  it("puts a deadlock on the test declaration", async () => {
    const run = await modelRun("test/explore/semantics/deadlock.p");
    const first = githubAnnotations(report(run)).split("\n")[0];
    expect(first).toMatch(/^::error file=test\/explore\/semantics\/deadlock.p,line=26,col=1,endLine=26,endColumn=50,title=Pith%3A deadlock in test AskAndWait::deadlock: no step is possible/);
  });

  it("escapes data and properties as @actions/core does", () => {
    expect(escapeData("100% done\r\nnext: a,b")).toBe("100%25 done%0D%0Anext: a,b");
    expect(escapeProperty("dir,name:1%\n")).toBe("dir%2Cname%3A1%25%0A");
  });

  it("escapes file names and titles, and writes no columns for a span over several lines", () => {
    const file = new SourceFile("specs/a,b: c.p", "machine M {\n  start state S {}\n}\n");
    const sources = new SourceSet();
    sources.add(file);
    const run: ModelRun = { model: "specs", sources, diagnostics: [diagnostic(3001, file.span(0, 30), ["int", "string"])], outcomes: [] };
    expect(githubAnnotations(report(run))).toBe(
      "::error file=specs/a%2Cb%3A c.p,line=1,endLine=2,title=Pith PTH3001::Type mismatch: expected int but found string.\n",
    );
  });

  it("shows at most ten errors and ten warnings, violations first, and says how many more there are", async () => {
    const bug = await modelRun(ORDER_BUG);
    const text = Array.from({ length: 12 }, (_, i) => `var v${i}: int;`).join("\n") + "\n";
    const file = new SourceFile("many.p", text);
    const sources = new SourceSet();
    sources.add(file);
    const lineSpan = (i: number) => file.span(file.lineStarts[i], file.lineStarts[i] + 3);
    const errors = Array.from({ length: 12 }, (_, i) => diagnostic(2001, lineSpan(i), ["name", `x${i}`]));
    const warnings = Array.from({ length: 11 }, (_, i) => diagnostic(3015, lineSpan(i), [2, 1]));
    const many: ModelRun = { model: "many.p", sources, diagnostics: [...errors, ...warnings], outcomes: [] };
    const lines = githubAnnotations(report(many, bug)).trimEnd().split("\n");
    expect(lines).toHaveLength(21);
    expect(lines[0]).toMatch(/^::error file=test\/report\/order-bug.p,line=17,/);
    expect(lines.slice(1, 10).every((l) => l.startsWith("::error file=many.p,"))).toBe(true);
    expect(lines[9]).toContain("Unknown name 'x8'.");
    expect(lines.slice(10, 20).every((l) => l.startsWith("::warning file=many.p,"))).toBe(true);
    expect(lines[20]).toBe(
      "::notice title=Pith%3A more problems::3 errors and 1 warning more than GitHub shows as annotations (10 of each per step): see the job summary or the log for all of them.",
    );
  });

  it("warns on the test declaration when a budget ran out", async () => {
    const run = await modelRunWithin({ maxStates: 5 }, ORDER_BUG);
    expect(githubAnnotations(report(run))).toBe(
      "::warning file=test/report/order-bug.p,line=41,col=1,endLine=41,endColumn=66,title=Pith%3A test tcOrder inconclusive::" +
        "Test tcOrder of test/report/order-bug.p is inconclusive: the state budget ran out after 7 distinct states, before every state was explored.\n",
    );
    expect(githubSummary(report(run))).toContain("| `test/report/order-bug.p` | `tcOrder` | ⚠️ inconclusive: the state budget ran out | 7 | 6 | 3 | 0.01 s |");
  });

  it("prints nothing when everything passes", async () => {
    const run = await modelRun("test/explore/semantics/fifo.p");
    expect(run.outcomes.every((o) => o.verdict === "pass")).toBe(true);
    expect(githubAnnotations(report(run))).toBe("");
  });
});

describe("githubSummary", () => {
  it("renders the known violation: the table, the message, the chart and the text", async () => {
    const run = await modelRun(ORDER_BUG);
    expectGolden(join(GOLDEN, "order-bug.summary.md"), githubSummary(report(run)));
  });

  it("lists every test and each model's static problems", async () => {
    const runs = [await modelRun("test/explore/semantics/live-cycle.p"), await modelRun("test/report/static-errors.p")];
    expectGolden(join(GOLDEN, "mixed.summary.md"), githubSummary(report(...runs)));
  });

  it("escapes Markdown in messages and names", () => {
    expect(markdownText("a|b *c* <d> [e](f) `g`")).toBe("a\\|b \\*c\\* \\<d\\> \\[e\\](f) \\`g\\`");
  });
});

describe("the Mermaid chart", () => {
  const step = (index: number, extra: Partial<StepView> = {}): StepView => ({
    index,
    ordinal: 0,
    machine: "Pinger(0)",
    machineId: 0,
    stateBefore: "Ping",
    stateAfter: "Ping",
    kind: "event",
    event: "ePong",
    payload: `${index}`,
    sends: [{ to: "Ponger(1)", event: "ePing", payload: `(n = ${index}; #${index})` }],
    creates: [],
    announces: [],
    prints: [],
    changes: [],
    monitors: [],
    failure: undefined,
    status: undefined,
    ...extra,
  });

  it("escapes what Mermaid would read as syntax", () => {
    expect(mermaidText("a;b #1 <c> `d` 50%\nnext")).toBe("a#59;b #35;1 #60;c#62; #96;d#96; 50#37; next");
  });

  it("keeps the last steps of a long counterexample and says how many it left out", () => {
    const steps = Array.from({ length: 100 }, (_, i) =>
      step(i + 1, i === 99 ? { failure: { kind: "assertion", message: "n < 100 failed", span: undefined } } : {}),
    );
    const outcome = { violation: { kind: "assertion", message: "n < 100 failed", span: undefined, steps, cycle: undefined, monitor: undefined, ordinals: [] } };
    const diagram = sequenceDiagram((outcome as unknown as TestOutcome).violation!);
    expect(diagram.omitted).toBe(40);
    const lines = diagram.text.trimEnd().split("\n");
    expect(lines.slice(0, 4)).toEqual([
      "sequenceDiagram",
      "  participant m0 as Pinger(0)",
      "  participant m1 as Ponger(1)",
      "  Note over m0,m1: 40 earlier steps not shown",
    ]);
    expect(lines[4]).toBe("  m0->>m1: ePing (n = 41#59; #35;41)");
    expect(lines.filter((l) => l.includes("->>"))).toHaveLength(60);
    expect(lines.slice(-4)).toEqual([
      "  rect rgba(220, 38, 38, 0.18)",
      "    m0->>m1: ePing (n = 100#59; #35;100)",
      "    Note over m0: 100. ✗ assertion: n #60; 100 failed",
      "  end",
    ]);
  });
});
