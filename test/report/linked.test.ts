// The link map in the reports: when a model is linked to its implementation, every report that
// names a handler (the text counterexample, JSON steps, GitHub annotations and job summary, JUnit
// failures, the HTML viewer's data) also names the method that handles it in the code; without a
// link, every report is exactly what it was.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { outcomesToJson } from "../../src/report/check-json.ts";
import { traceText } from "../../src/report/check-text.ts";
import { githubAnnotations, githubSummary } from "../../src/report/github.ts";
import { htmlTrace } from "../../src/report/html.ts";
import { toJunit } from "../../src/report/junit.ts";
import type { ModelRun } from "../../src/report/run-report.ts";
import { expectGolden } from "../golden.ts";
import { linkedRun, report, ROOT, traceOf } from "./fixture.ts";

const SERVER = "test/report/order-bug-impl/server.ts:17";
const CLIENT = "test/report/order-bug-impl/client.ts:22";

/** A report with the link map's notes taken out. */
const withoutNotes = (text: string) => text.replace(/ {2}\[impl: [^\]]*\]/g, "");

function unlinked(run: ModelRun): ModelRun {
  return { ...run, impl: undefined };
}

describe("the link map in the reports", () => {
  it("text: each step handled in the code says where, and nothing else changes", async () => {
    const run = await linkedRun();
    const v = run.outcomes[0].violation!;
    const text = traceText(v, run.sources, false, run.impl);
    expectGolden(join(ROOT, "test/report/golden/order-bug.linked.txt"), text);
    const lines = text.split("\n");
    expect(lines.filter((l) => l.includes("[impl:"))).toEqual([
      `  4. Server(1) in Serve handles eReq (client = Client(0), n = 1)  [impl: ${SERVER}]`,
      `  5. Client(0) in Init handles eResp 10  [impl: ${CLIENT}]`,
      `  6. Server(1) in Serve handles eReq (client = Client(0), n = 2)  [impl: ${SERVER}]`,
      `  7. Client(0) in Init handles eResp 2  [impl: ${CLIENT}]`,
    ]);
    expect(withoutNotes(text)).toBe(traceText(v, run.sources, false));
  });

  it("JSON: an impl field on the steps handled in the code, and only there", async () => {
    const run = await linkedRun();
    const doc = JSON.parse(JSON.stringify(outcomesToJson(run.outcomes, run.sources, run.impl)));
    const steps = doc.tests[0].violation.steps;
    expect(steps.map((s: { impl?: unknown }) => s.impl ?? null)).toEqual([
      null,
      null,
      null,
      { file: "test/report/order-bug-impl/server.ts", line: 17, method: "onReq" },
      { file: "test/report/order-bug-impl/client.ts", line: 22, method: "onResp" },
      { file: "test/report/order-bug-impl/server.ts", line: 17, method: "onReq" },
      { file: "test/report/order-bug-impl/client.ts", line: 22, method: "onResp" },
    ]);
    for (const s of steps) delete s.impl;
    expect(doc).toEqual(JSON.parse(JSON.stringify(outcomesToJson(run.outcomes, run.sources))));
  });

  it("GitHub: the annotation's steps and the job summary's counterexample", async () => {
    const run = await linkedRun();
    const annotations = githubAnnotations(report(run));
    expect(annotations).toContain(`%0A  4. Server(1) in Serve handles eReq (client = Client(0), n = 1); sends eResp 10 to Client(0); monitor Answered observes eResp -> Waiting  [impl: ${SERVER}]%0A`);
    expect(withoutNotes(annotations)).toBe(githubAnnotations(report(unlinked(run))));
    const summary = githubSummary(report(run));
    expect(summary).toContain(`  7. Client(0) in Init handles eResp 2  [impl: ${CLIENT}]\n`);
    expect(withoutNotes(summary)).toBe(githubSummary(report(unlinked(run))));
  });

  it("JUnit: the failure's counterexample", async () => {
    const run = await linkedRun();
    const xml = toJunit(report(run));
    expect(xml).toContain(`  5. Client(0) in Init handles eResp 10  [impl: ${CLIENT}]\n`);
    expect(withoutNotes(xml)).toBe(toJunit(report(unlinked(run))));
  });

  it("HTML: each step's data says where the code handles it", async () => {
    const run = await linkedRun();
    const page = htmlTrace(run, run.outcomes[0], traceOf(run, run.outcomes[0]));
    const data = JSON.parse(/<script type="application\/json" id="pith-data">(.*?)<\/script>/s.exec(page)![1]);
    expect(data.steps.map((s: { impl: string | null }) => s.impl)).toEqual([null, null, null, `${SERVER} (onReq)`, `${CLIENT} (onResp)`, `${SERVER} (onReq)`, `${CLIENT} (onResp)`]);
    const plain = htmlTrace(unlinked(run), run.outcomes[0], traceOf(run, run.outcomes[0]));
    expect(plain).not.toContain("order-bug-impl");
  });
});
