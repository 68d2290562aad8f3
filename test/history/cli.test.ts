// `pith history`: the text and JSON output, exit codes, a user's own model, and every kind of bad
// input reported as file:line.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pith } from "../cli/helpers.ts";

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "pith-history-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const lines = (...events: object[]) => events.map((e) => JSON.stringify(e) + "\n").join("");
const inv = (id: number, process: string, time: number, op: string, args: unknown) => ({ type: "invoke", id, process, time, op, args });
const ok = (id: number, process: string, time: number, result: unknown) => ({ type: "ok", id, process, time, result });

const stale = lines(
  inv(1, "c1", 0, "put", { key: "a", value: "v1" }),
  ok(1, "c1", 1, null),
  inv(2, "c1", 2, "put", { key: "a", value: "v2" }),
  inv(3, "c2", 3, "get", { key: "b" }),
  ok(2, "c1", 4, null),
  ok(3, "c2", 5, null),
  inv(4, "c2", 6, "get", { key: "a" }),
  ok(4, "c2", 7, "v1"),
);

describe("pith history", () => {
  it("prints the minimal failing sub-history as a timeline and exits 1", async () => {
    const r = await pith(folder({ "run.ndjson": stale }), "history", "run.ndjson", "--model", "kv");
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      [
        "run.ndjson: NOT linearizable (kv): 4 operations (4 ok, 0 fail, 0 info) in 2 partitions",
        "It fails on key a. A minimal failing sub-history, 3 of its 3 operations:",
        "",
        "      process  operation   result  invoked  returned  lines",
        "  #1  c1       put a \"v1\"  null    0        1         1-2    [--]",
        "  #2  c1       put a \"v2\"  null    2        4         3-5          [--]",
        "  #3  c2       get a       \"v1\"    6        7         7-8                [--]",
        "",
        "No order of these 3 operations is linearizable: the longest order the model accepts is #1, #2, leaving \"a\"=\"v2\".",
        "Then #3 (get a -> \"v1\") has returned, so it must take effect next, and in that state it cannot.",
        "",
      ].join("\n"),
    );
  });

  it("names the anomaly of transactions that are not serializable", async () => {
    const skew = lines(
      inv(1, "a", 0, "txn", [["r", "x", null], ["r", "y", null], ["w", "x", 1]]),
      inv(2, "b", 1, "txn", [["r", "x", null], ["r", "y", null], ["w", "y", 1]]),
      ok(1, "a", 2, [["r", "x", null], ["r", "y", null], ["w", "x", 1]]),
      ok(2, "b", 3, [["r", "x", null], ["r", "y", null], ["w", "y", 1]]),
    );
    const r = await pith(folder({ "skew.ndjson": skew }), "history", "skew.ndjson", "--model", "txn-kv");
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      [
        "skew.ndjson: NOT serializable (txn-kv): 2 transactions (2 ok, 0 fail, 0 info) in 1 partition",
        "It fails on keys x, y. A minimal failing sub-history, 2 of its 2 transactions:",
        "",
        "      process  operation              result         invoked  returned  lines",
        "  #1  a        txn [r x, r y, w x 1]  x=null y=null  0        2         1-3    [-----]",
        "  #2  b        txn [r x, r y, w y 1]  x=null y=null  1        3         2-4       [-----]",
        "",
        'No serial order of these 2 transactions exists: the longest order the model accepts is #2, leaving "y"=1.',
        "None of #1 can take effect after it.",
        "G2 (anti-dependency cycle). The cycle #1 -> #2 -> #1:",
        "  #1 read y absent, which #2 overwrote with 1 (rw)",
        "  #2 read x absent, which #1 overwrote with 1 (rw)",
        "",
      ].join("\n"),
    );
    const doc = JSON.parse((await pith(folder({ "skew.ndjson": skew }), "history", "skew.ndjson", "--model", "txn-kv", "--json")).stdout);
    expect(doc.failure.anomaly).toEqual({
      name: "G2",
      title: "anti-dependency cycle",
      operations: [1, 2],
      lines: ["The cycle #1 -> #2 -> #1:", "  #1 read y absent, which #2 overwrote with 1 (rw)", "  #2 read x absent, which #1 overwrote with 1 (rw)"],
    });
  });

  it("says when a history passes, and gives JSON for machines", async () => {
    const dir = folder({ "good.ndjson": lines(inv(1, "c1", 0, "write", { value: 1 }), inv(2, "c2", 1, "read", {}), ok(2, "c2", 2, 1), ok(1, "c1", 3, null)), "run.ndjson": stale });
    const good = await pith(dir, "history", "good.ndjson", "--model", "register");
    expect(good).toMatchObject({ code: 0, stdout: "good.ndjson: linearizable (register): 2 operations (2 ok, 0 fail, 0 info) in 1 partition\n" });
    const r = await pith(dir, "history", "run.ndjson", "-m", "kv", "--json");
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ version: 1, model: "kv", consistency: "linearizable", verdict: "violation", operations: { ok: 4, fail: 0, info: 0 } });
    expect(doc.partitions.map((p: { name: string; verdict: string }) => [p.name, p.verdict])).toEqual([["key a", "violation"], ["key b", "ok"]]);
    expect(doc.failure.operations.map((o: { id: number; invokeLine: number; returnLine: number }) => [o.id, o.invokeLine, o.returnLine])).toEqual([[1, 1, 2], [2, 3, 5], [4, 7, 8]]);
    expect(doc.failure.longestOrder).toEqual([1, 2]);
  });

  it("checks with a model of the user's, from a TypeScript module", async () => {
    const counter = [
      "export const model = {",
      '  name: "counter",',
      '  checkInvocation: (op: string) => (op === "add" || op === "get" ? undefined : `unknown operation ${op}`),',
      "  checkResult: () => undefined,",
      "  init: () => 0,",
      '  step: (n: number, c: { op: string; args: any; result: any }) => (c.op === "add" ? n + c.args.by : c.result === undefined || c.result === n ? n : undefined),',
      "  key: (n: number) => String(n),",
      "};",
    ].join("\n");
    const history = lines(inv(1, "a", 0, "add", { by: 2 }), ok(1, "a", 1, null), inv(2, "b", 2, "get", null), ok(2, "b", 3, 1));
    const throws = counter.replace('init: () => 0,', 'init: () => { throw new Error("no state"); },');
    const dir = folder({ "counter.ts": counter, "throws.ts": throws, "h.ndjson": history, "empty.ts": "export const x = 1;\n" });
    const r = await pith(dir, "history", "h.ndjson", "--model", "./counter.ts");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("NOT linearizable (counter)");
    expect(await pith(dir, "history", "h.ndjson", "--model", "./throws.ts")).toMatchObject({ code: 2, stderr: "pith history: ./throws.ts: the model threw while checking: no state\n" });
    expect(await pith(dir, "history", "h.ndjson", "--model", "./empty.ts")).toMatchObject({ code: 2, stderr: expect.stringContaining("it exports no model") });
    expect(await pith(dir, "history", "h.ndjson", "--model", "./missing.ts")).toMatchObject({ code: 2, stderr: expect.stringContaining("./missing.ts: no such file") });
  });

  it("reports every bad line as file:line and checks nothing", async () => {
    const bad = [
      "{not json",
      JSON.stringify([1]),
      JSON.stringify({ type: "start", id: 1, process: "a", time: 0 }),
      JSON.stringify(inv(1, "a", 0, "frobnicate", {})),
      JSON.stringify(ok(9, "a", 1, null)),
      JSON.stringify(inv(2, "a", 2, "get", { key: "k" })),
      JSON.stringify(inv(3, "a", 3, "get", { key: "k" })),
      JSON.stringify(inv(2, "b", 4, "get", { key: "k" })),
      JSON.stringify(ok(2, "b", 5, null)),
      JSON.stringify(inv(4, "c", 1, "get", { key: "k" })),
      JSON.stringify(inv(5, "d", 6, "put", { key: "k" })),
      JSON.stringify({ type: "invoke", id: 6, process: "e", op: "get", args: { key: "k" } }),
      JSON.stringify(inv(7, "f", 7, "list", { prefix: "" })),
      JSON.stringify(ok(7, "f", 8, "k")),
    ].join("\n");
    const r = await pith(folder({ "bad.ndjson": bad + "\n" }), "history", "bad.ndjson", "--model", "kv");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.split("\n")).toEqual([
      expect.stringMatching(/^bad\.ndjson:1: not valid JSON: /),
      "bad.ndjson:2: an event is a JSON object",
      'bad.ndjson:3: unknown type "start": it is one of invoke, ok, fail, info',
      'bad.ndjson:4: unknown operation "frobnicate": the kv model has put, get, delete and list',
      "bad.ndjson:5: completion of operation 9, which was never invoked",
      'bad.ndjson:7: process "a" invokes operation 3 while its operation 2 (line 6) is still open: complete it first (with info if its outcome is unknown), or use another process id',
      "bad.ndjson:8: operation id 2 is already used by line 6: give each operation its own id",
      'bad.ndjson:9: operation 2 was invoked by process "a" (line 6) but completed by "b"',
      "bad.ndjson:10: time 1 is before the time of the line before (5): events must be in the order they happened",
      'bad.ndjson:11: put needs a "value" that is not null (delete removes a key)',
      'bad.ndjson:12: "time" is missing or not a number',
      "bad.ndjson:14: the result of list is an array of keys (strings)",
      "pith history: bad.ndjson was not checked: fix the lines above",
      "",
    ]);
  });

  it("shows the first 20 bad lines of a file that is not a history, and counts the rest", async () => {
    const trace = Array.from({ length: 25 }, (_, i) => JSON.stringify({ seq: i, kind: "send" })).join("\n");
    const r = await pith(folder({ "trace.ndjson": trace }), "history", "trace.ndjson", "--model", "kv");
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(22);
    expect(lines[19]).toBe('trace.ndjson:20: "type" is missing: it is one of invoke, ok, fail, info');
    expect(lines[20]).toBe("trace.ndjson: ... and 5 more bad lines (--json lists them all)");
  });

  it("gives the bad lines as JSON with --json", async () => {
    const r = await pith(folder({ "bad.ndjson": '{"type":"ok","id":1,"process":"a","time":0,"result":null}\n' }), "history", "bad.ndjson", "--model", "register", "--json");
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({ version: 1, file: "bad.ndjson", verdict: "invalid", problems: [{ line: 1, message: "completion of operation 1, which was never invoked" }] });
  });

  it("says what is wrong with the command", async () => {
    const dir = folder({ "run.ndjson": stale });
    expect(await pith(dir, "history")).toMatchObject({ code: 2, stderr: expect.stringContaining("name the history file") });
    expect(await pith(dir, "history", "run.ndjson")).toMatchObject({ code: 2, stderr: expect.stringContaining("name the model with --model") });
    expect(await pith(dir, "history", "nope.ndjson", "--model", "kv")).toMatchObject({ code: 2, stderr: expect.stringContaining("nope.ndjson: no such file") });
    expect(await pith(dir, "history", "run.ndjson", "--model", "queue")).toMatchObject({ code: 2, stderr: expect.stringContaining("there is no model 'queue': the built-in ones are register, kv, txn-kv") });
    expect(await pith(dir, "history", "run.ndjson", "--model", "kv", "--max-steps", "x")).toMatchObject({ code: 2, stderr: expect.stringContaining("--max-steps takes a positive whole number") });
  });

  it("gives up within --max-steps, and exits 3 for that only when asked", async () => {
    const dir = folder({ "run.ndjson": stale });
    const r = await pith(dir, "history", "run.ndjson", "--model", "kv", "--max-steps", "1");
    expect(r).toMatchObject({ code: 0, stdout: expect.stringContaining("inconclusive (kv)") });
    expect((await pith(dir, "history", "run.ndjson", "--model", "kv", "--max-steps", "1", "--fail-inconclusive")).code).toBe(3);
  });
});
