// The JUnit reporter, read back with an XML parser: well-formed, a suite per model, a case per test
// configuration, a failure with the counterexample for the known violation, an error per static
// error, state counts as properties, times in seconds, and text that needs escaping kept intact.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { SourceFile, SourceSet } from "../../src/diagnostics/source.ts";
import { toJunit } from "../../src/report/junit.ts";
import type { RunReport } from "../../src/report/run-report.ts";
import { modelRun, modelRunWithin, ORDER_BUG, report } from "./fixture.ts";

// The parsed document, looked into without a type per element.
type Xml = any;

const ALWAYS_LISTS = new Set(["testsuite", "testcase", "property"]);

function parse(report: RunReport): Xml {
  const xml = toJunit(report);
  expect(XMLValidator.validate(xml)).toBe(true);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "",
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: false,
    textNodeName: "#text",
    // Character references (`&#10;` for a line break in an attribute) are decoded like any XML parser does.
    htmlEntities: true,
    isArray: (name) => ALWAYS_LISTS.has(name),
  });
  return parser.parse(xml);
}

const props = (element: Xml) => Object.fromEntries(element.properties.property.map((p: Xml) => [p.name, p.value]));

describe("toJunit", () => {
  it("writes the known violation as a failed test case with its counterexample", async () => {
    const doc = parse(report(await modelRun(ORDER_BUG)));
    const root = doc.testsuites;
    expect(root).toMatchObject({ name: "pith", tests: "1", failures: "1", errors: "0", skipped: "0", time: "0.012" });
    expect(root.testsuite).toHaveLength(1);
    const suite = root.testsuite[0];
    expect(suite).toMatchObject({ name: ORDER_BUG, tests: "1", failures: "1", errors: "0", skipped: "0", time: "0.012" });
    expect(props(suite)).toEqual({ "pith.version": "0.1.0", "pith.warnings": "0" });
    expect(suite.testcase).toHaveLength(1);
    const test = suite.testcase[0];
    expect(test).toMatchObject({ name: "tcOrder", classname: ORDER_BUG, file: ORDER_BUG, line: "41", time: "0.012" });
    expect(props(test)).toEqual({ verdict: "violation", distinctStates: "18", transitions: "24", depth: "6", exhaustive: "false" });
    expect(test.failure.type).toBe("assertion");
    expect(test.failure.message).toBe("responses out of order: [10, 2] (at test/report/order-bug.p:17:31)");
    const text: string = test.failure["#text"];
    expect(text.startsWith("Counterexample (7 steps):\n  1. Client(0) starts in Init\n")).toBe(true);
    expect(text).toContain("  4. Server(1) in Serve handles eReq (client = Client(0), n = 1)\n       sends eResp 10 to Client(0)\n       monitor Answered observes eResp -> Waiting\n");
    expect(text.trimEnd().endsWith("x assertion: responses out of order: [10, 2] at test/report/order-bug.p:17:31")).toBe(true);
  });

  it("writes passing tests, static errors and warnings of several models", async () => {
    const doc = parse(report(await modelRun("test/explore/semantics/live-cycle.p"), await modelRun("test/report/static-errors.p")));
    const root = doc.testsuites;
    expect(root).toMatchObject({ tests: "4", failures: "1", errors: "2", skipped: "0", time: "0.024" });
    const [live, broken] = root.testsuite;
    expect(live.testcase.map((t: Xml) => [t.name, t.failure?.type ?? "pass"])).toEqual([
      ["Spinning(answers=true)", "pass"],
      ["Spinning(answers=false)", "liveness"],
    ]);
    expect(broken).toMatchObject({ name: "test/report/static-errors.p", tests: "2", failures: "0", errors: "2", time: "0.000" });
    expect(props(broken)["pith.warnings"]).toBe("1");
    expect(broken.testcase.map((t: Xml) => [t.name, t.line, t.error.type, t.error.message])).toEqual([
      ["PTH3001 at test/report/static-errors.p:7:11", "7", "PTH3001", "Type mismatch: expected int but found string."],
      ["PTH2001 at test/report/static-errors.p:9:7", "9", "PTH2001", "Unknown name 'count'."],
    ]);
    expect(broken.testcase[0].error["#text"]).toBe(
      'test/report/static-errors.p:7:11: error PTH3001: Type mismatch: expected int but found string.\n  |\n7 |       n = "one";\n  |           ^^^^^',
    );
    expect(broken["system-err"]).toContain("warning PTH3015: The format string uses 2 argument(s) but 1 were given.");
  });

  it("writes an inconclusive test as skipped", async () => {
    const doc = parse(report(await modelRunWithin({ maxStates: 5 }, ORDER_BUG)));
    expect(doc.testsuites).toMatchObject({ tests: "1", failures: "0", skipped: "1" });
    const test = doc.testsuites.testsuite[0].testcase[0];
    expect(test.skipped.message).toBe("inconclusive: the state budget ran out after 7 distinct states");
    expect(props(test)).toMatchObject({ verdict: "inconclusive", distinctStates: "7" });
  });

  it("escapes markup, quotes, line breaks and characters XML cannot hold", () => {
    const text = 'machine M { start state S { entry { print "<a & b>"; } } }\n';
    const file = new SourceFile('dir/"q"&<x>.p', text);
    const sources = new SourceSet();
    sources.add(file);
    const d = { ...diagnostic(3001, file.span(0, 7), ["int", "string"]), message: 'bad "<&>"\nsecond line\u0001 end' };
    const doc = parse(report({ model: "a&b <c>", sources, diagnostics: [d], outcomes: [] }));
    const suite = doc.testsuites.testsuite[0];
    expect(suite.name).toBe("a&b <c>");
    const test = suite.testcase[0];
    expect(test.classname).toBe("a&b <c>");
    expect(test.file).toBe('dir/"q"&<x>.p');
    expect(test.error.message).toBe('bad "<&>"\nsecond line\uFFFD end');
    expect(test.error["#text"]).toContain('bad "<&>"\nsecond line\uFFFD end');
  });

  it("writes an empty report as an empty list of suites", () => {
    const doc = parse({ toolVersion: "0.1.0", runs: [] });
    expect(doc.testsuites).toMatchObject({ name: "pith", tests: "0", failures: "0", errors: "0" });
  });
});
