// The recorder writes the history format line by line and refuses misuse.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkHistory } from "../../src/history/check.ts";
import type { KvOperations } from "../../src/history/format.ts";
import { kvModel } from "../../src/history/models/kv.ts";
import { HistoryRecorder } from "../../src/history/recorder.ts";

describe("HistoryRecorder", () => {
  it("writes each event to the file as it happens, in the format pith history reads", () => {
    const file = join(mkdtempSync(join(tmpdir(), "pith-recorder-")), "run.ndjson");
    const h = new HistoryRecorder<KvOperations>({ file });
    const put = h.invoke("c1", "put", { key: "a", value: "v" });
    expect(readFileSync(file, "utf8")).toBe('{"type":"invoke","id":1,"process":"c1","time":0,"op":"put","args":{"key":"a","value":"v"}}\n');
    put.ok(null);
    h.invoke(2, "get", { key: "a" }).info("timeout");
    expect(readFileSync(file, "utf8")).toBe(h.text());
    expect(h.text().split("\n").slice(1)).toEqual([
      '{"type":"ok","id":1,"process":"c1","time":1,"result":null}',
      '{"type":"invoke","id":2,"process":2,"time":2,"op":"get","args":{"key":"a"}}',
      '{"type":"info","id":2,"process":2,"time":3,"error":"timeout"}',
      "",
    ]);
    const verdict = checkHistory(readFileSync(file, "utf8"), kvModel);
    expect(verdict).toMatchObject({ kind: "checked", verdict: "ok", operations: { ok: 1, fail: 0, info: 1 } });
  });

  it("refuses a second open operation per process, a second completion, and keeps a clock from going back", () => {
    let t = 10;
    const h = new HistoryRecorder({ clock: () => (t -= 3) });
    const op = h.invoke("p", "get", { key: "a" });
    expect(() => h.invoke("p", "get", { key: "b" })).toThrow('process "p" already has operation 1 open; complete it first');
    op.fail();
    expect(() => op.ok(null)).toThrow("operation 1 of process \"p\" was already completed");
    expect(h.events.map((e) => e.time)).toEqual([7, 7]);
  });
});
