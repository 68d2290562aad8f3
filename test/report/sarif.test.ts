// The SARIF reporter: every log it writes is valid against the SARIF 2.1.0 JSON schema, and the
// known violation comes out with its rule, location, code flow and a fingerprint that does not
// change with the numbers in its message.
//
// The schema is the one @microsoft/jest-sarif ships (sarif-2.1.0-rtm.5.json, the schema that
// SchemaStore publishes for SARIF 2.1.0): no npm package ships the OASIS file itself. It is written
// in JSON Schema draft-04, so it is compiled with Ajv's draft-04 class, with the formats it uses.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv04 from "ajv-draft-04";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import { fingerprint, toSarif } from "../../src/report/sarif.ts";
import type { RunReport } from "../../src/report/run-report.ts";
import { linkedRun, modelRun, modelRunWithin, ORDER_BUG, report, ROOT } from "./fixture.ts";

const SCHEMA_PATH = join(ROOT, "node_modules", "@microsoft", "jest-sarif", "lib", "schemas", "sarif-2.1.0-rtm.5.json");

type Validate = ((data: unknown) => boolean) & { errors?: unknown };

// A log read back as plain JSON, to look into it without a type per SARIF object.
type Json = any;

let validate: Validate;

beforeAll(() => {
  const schema = JSON.parse(readFileSync(SCHEMA_PATH, "utf8")) as { $schema: string; title: string; properties: { version: { enum: string[] } } };
  // The file really is the 2.1.0 schema: its title says so and it admits only version 2.1.0.
  expect(schema.title).toMatch(/^Static Analysis Results Format \(SARIF\) Version 2\.1\.0/);
  expect(schema.properties.version.enum).toEqual(["2.1.0"]);
  expect(schema.$schema).toBe("http://json-schema.org/draft-04/schema#");
  // Both packages are CommonJS: their classes and functions are the modules' `default`.
  const Ajv = Ajv04.default;
  const formats = addFormats.default;
  // The schema's pattern for `language` has a stray `]`, an error only under the `u` flag.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  formats(ajv);
  validate = ajv.compile(schema) as Validate;
});

function expectValid(log: object): Json {
  const ok = validate(log);
  expect(validate.errors ?? null, JSON.stringify(validate.errors, null, 2)).toBeNull();
  expect(ok).toBe(true);
  return JSON.parse(JSON.stringify(log)) as Json;
}

describe("the schema", () => {
  it("rejects logs that are not SARIF 2.1.0, so that the tests below mean something", () => {
    const log = { version: "2.1.0", runs: [{ tool: { driver: { name: "pith" } }, results: [{ message: { text: "m" }, level: "fatal" }] }] };
    expect(validate(log)).toBe(false);
    expect(validate({ ...log, version: "2.0.0" })).toBe(false);
    expect(validate({ version: "2.1.0", runs: [{ tool: { driver: { name: "pith" } }, results: [{ message: { text: "m" }, locations: [{ physicalLocation: { region: { startLine: 0 } } }] }] }] })).toBe(false);
    expect(validate({ version: "2.1.0", runs: [{ tool: { driver: { name: "pith" } }, results: [{ message: { text: "m" } }] }] })).toBe(true);
  });
});

describe("toSarif", () => {
  let bugReport: RunReport;
  beforeAll(async () => {
    bugReport = report(await modelRun(ORDER_BUG));
  });

  it("writes a valid log for the known violation, with its rule, location and counterexample", () => {
    const log = expectValid(toSarif(bugReport));
    expect(log.version).toBe("2.1.0");
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe("pith");
    expect(run.tool.driver.version).toBe("0.1.0");
    expect(run.tool.driver.rules).toEqual([
      { id: "pith/assertion", shortDescription: { text: "An assert statement fails in some reachable behaviour of the model." }, defaultConfiguration: { level: "error" } },
    ]);
    expect(run.results).toHaveLength(1);
    const result = run.results[0];
    expect(result.ruleId).toBe("pith/assertion");
    expect(result.ruleIndex).toBe(0);
    expect(result.level).toBe("error");
    expect(result.message.text).toBe("responses out of order: [10, 2] (test tcOrder)");
    expect(result.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: "test/report/order-bug.p", uriBaseId: "%SRCROOT%" },
      region: { startLine: 17, startColumn: 31, endLine: 17, endColumn: 98 },
    });
    const flow = result.codeFlows[0].threadFlows[0].locations;
    expect(flow).toHaveLength(7);
    expect(flow.map((l: Json) => [l.executionOrder, l.location.physicalLocation.region.startLine, l.location.message.text])).toEqual([
      [1, 10, "1. Client(0) starts in Init; creates Server(1)"],
      [2, 10, "2. Client(0) in Init goes on; sends eReq (client = Client(0), n = 1) to Server(1); monitor Answered observes eReq -> Waiting"],
      [3, 10, "3. Client(0) in Init goes on; sends eReq (client = Client(0), n = 2) to Server(1); monitor Answered observes eReq -> Waiting; server: null -> Server(1)"],
      [4, 24, "4. Server(1) in Serve handles eReq (client = Client(0), n = 1); sends eResp 10 to Client(0); monitor Answered observes eResp -> Waiting"],
      [5, 15, "5. Client(0) in Init handles eResp 10; got: [] -> [10]"],
      [6, 24, "6. Server(1) in Serve handles eReq (client = Client(0), n = 2); sends eResp 2 to Client(0); monitor Answered observes eResp -> Idle"],
      [7, 17, "7. Client(0) in Init handles eResp 2; fails: assertion: responses out of order: [10, 2]"],
    ]);
    expect(flow[4].state).toEqual({ "Client(0).state": { text: "Init" }, "Client(0).got": { text: "[10]" } });
    expect(flow[6].importance).toBe("essential");
    expect(result.properties).toMatchObject({ test: "tcOrder", distinctStates: 18, transitions: 24, depth: 6 });
  });

  it("with the link map, points at the implementation: a related location per method and the steps as a second thread flow", async () => {
    const log = expectValid(toSarif(report(await linkedRun())));
    const result = log.runs[0].results[0];
    const at = (l: Json) => [l.physicalLocation.artifactLocation.uri, l.physicalLocation.artifactLocation.uriBaseId, l.physicalLocation.region.startLine];
    expect(result.relatedLocations.map((l: Json) => [l.id, ...at(l), l.message.text])).toEqual([
      [0, "test/report/order-bug-impl/server.ts", "%SRCROOT%", 17, "onReq, the implementation's handler of steps 4, 6"],
      [1, "test/report/order-bug-impl/client.ts", "%SRCROOT%", 22, "onResp, the implementation's handler of steps 5, 7"],
    ]);
    const [model, code] = result.codeFlows[0].threadFlows;
    expect(model.locations).toHaveLength(7);
    expect(code.locations.map((l: Json) => [l.executionOrder, ...at(l.location)])).toEqual([
      [4, "test/report/order-bug-impl/server.ts", "%SRCROOT%", 17],
      [5, "test/report/order-bug-impl/client.ts", "%SRCROOT%", 22],
      [6, "test/report/order-bug-impl/server.ts", "%SRCROOT%", 17],
      [7, "test/report/order-bug-impl/client.ts", "%SRCROOT%", 22],
    ]);
    expect(code.locations[0].location.message.text).toBe("4. Server(1) in Serve handles eReq (client = Client(0), n = 1); sends eResp 10 to Client(0); monitor Answered observes eResp -> Waiting (onReq)");
    // Without the map, neither is there.
    const plain = expectValid(toSarif(bugReport)).runs[0].results[0];
    expect(plain.relatedLocations).toBeUndefined();
    expect(plain.codeFlows[0].threadFlows).toHaveLength(1);
  });

  it("locates every step at the test declaration when the lowered model is not given", () => {
    const run = bugReport.runs[0];
    const log = expectValid(toSarif({ ...bugReport, runs: [{ ...run, ir: undefined }] }));
    const lines = log.runs[0].results[0].codeFlows[0].threadFlows[0].locations.map((l: Json) => l.location.physicalLocation.region.startLine);
    expect(lines).toEqual([41, 41, 41, 41, 41, 41, 17]);
  });

  it("gives each result a fingerprint that survives changes of numbers and lines", async () => {
    const again = expectValid(toSarif(report(await modelRun(ORDER_BUG))));
    const first = expectValid(toSarif(bugReport));
    expect(again.runs[0].results[0].partialFingerprints).toEqual(first.runs[0].results[0].partialFingerprints);
    expect(first.runs[0].results[0].partialFingerprints["pith/v1"]).toMatch(/^[0-9a-f]{32}$/);
    expect(fingerprint("pith/assertion", "m.p", "tc", "responses out of order: [10, 2]")).toBe(fingerprint("pith/assertion", "m.p", "tc", "responses out of order: [2, 30]"));
    expect(fingerprint("pith/assertion", "m.p", "tc", "x")).not.toBe(fingerprint("pith/assertion", "m.p", "tc2", "x"));
    expect(fingerprint("pith/assertion", "m.p", "tc", "x")).not.toBe(fingerprint("pith/deadlock", "m.p", "tc", "x"));
  });

  it("writes static errors and warnings as results of rules named by their codes", async () => {
    const log = expectValid(toSarif(report(await modelRun("test/report/static-errors.p"))));
    const run = log.runs[0];
    expect(run.tool.driver.rules.map((r: Json) => [r.id, r.defaultConfiguration.level])).toEqual([
      ["PTH2001", "error"],
      ["PTH3001", "error"],
      ["PTH3015", "warning"],
    ]);
    expect(run.tool.driver.rules[1].shortDescription.text).toBe("The value's type is not a subtype of the type this position requires.");
    expect(run.results.map((r: Json) => [r.ruleId, r.ruleIndex, r.level, r.locations[0].physicalLocation.region.startLine, r.message.text])).toEqual([
      ["PTH3001", 1, "error", 7, "Type mismatch: expected int but found string."],
      ["PTH3015", 2, "warning", 8, "The format string uses 2 argument(s) but 1 were given."],
      ["PTH2001", 0, "error", 9, "Unknown name 'count'."],
    ]);
  });

  it("writes deadlocks and liveness cycles from several models into one valid run", async () => {
    const runs = [await modelRun("test/explore/semantics/deadlock.p"), await modelRun("test/explore/semantics/live-cycle.p"), await modelRun("test/explore/semantics/unhandled.p")];
    const log = expectValid(toSarif(report(...runs)));
    const run = log.runs[0];
    expect(run.tool.driver.rules.map((r: Json) => r.id)).toEqual(["pith/deadlock", "pith/liveness", "pith/unhandled-event"]);
    const byRule = Object.fromEntries(run.results.map((r: Json) => [r.ruleId, r]));
    // A deadlock is shown on the test declaration.
    expect(byRule["pith/deadlock"].locations[0].physicalLocation.region.startLine).toBe(26);
    // A liveness cycle: the steps to it, then the steps that repeat.
    expect(byRule["pith/liveness"].codeFlows[0].threadFlows[0].locations).toHaveLength(6);
    expect(byRule["pith/liveness"].codeFlows[0].message.text).toBe("Counterexample of 6 steps (the last 1 repeats forever)");
    expect(byRule["pith/liveness"].properties.monitor).toBe("Answered");
  });

  it("says that a test was inconclusive as a notification of the run, not as a result", async () => {
    const log = expectValid(toSarif(report(await modelRunWithin({ maxStates: 5 }, ORDER_BUG))));
    const run = log.runs[0];
    expect(run.results).toEqual([]);
    expect(run.invocations[0].toolExecutionNotifications.map((n: Json) => [n.level, n.message.text])).toEqual([
      ["warning", "test tcOrder of test/report/order-bug.p is inconclusive: the state budget ran out after 7 distinct states"],
    ]);
  });

  it("percent-encodes file names in URIs", async () => {
    const { SourceFile, SourceSet } = await import("../../src/diagnostics/source.ts");
    const { diagnostic } = await import("../../src/diagnostics/diagnostic.ts");
    const sources = new SourceSet();
    const file = new SourceFile("my specs/a#b.p", "machine M {}\n");
    sources.add(file);
    const log = expectValid(toSarif(report({ model: "my specs", sources, diagnostics: [diagnostic(2001, file.span(8, 9), ["name", "M"])], outcomes: [] })));
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe("my%20specs/a%23b.p");
  });
});
