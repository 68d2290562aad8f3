// Merging the traces of the processes of one run (src/conform/trace-merge.ts): steps are kept
// whole and in their file's order, a message is handled after it is sent, a receiver's messages
// are sent in the order it handles them, time only breaks ties, and a step cut short at the end of
// a file is left out. The journal's multi-process test (test/specs/journal-tcp.test.ts) merges
// real traces and checks them with `pith conform`.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mergeTraces, TraceMergeError } from "../../src/conform/trace-merge.ts";
import { pith } from "../cli/helpers.ts";

const ROOT = join(import.meta.dirname, "..", "..");

type Fields = Record<string, unknown>;

const send = (machine: string, to: string, event: string, payload: unknown, time: number): Fields => ({ kind: "send", machine, to, event, payload, time });
const handle = (machine: string, event: string, payload: unknown, time: number): Fields => ({ kind: "handle", machine, event, payload, time });

function file(name: string, lines: Fields[]) {
  return { name, text: lines.map((l, i) => JSON.stringify({ seq: i + 1, ...l })).join("\n") + "\n" };
}

/** The merged lines as `source: kind machine event`. */
function order(text: string): string[] {
  return text
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Fields)
    .map((f) => `${String(f.source)}: ${String(f.kind)} ${String(f.machine)} ${String(f.event ?? f.type)}`);
}

describe("mergeTraces", () => {
  it("places a handle after the send of its message, whatever the clocks say", () => {
    const a = file("a", [handle("a", "eGo", 1, 50), send("a", "b", "ePing", 1, 60), handle("a", "eTick", null, 61)]);
    const b = file("b", [handle("b", "ePing", 1, 10)]);
    const merged = mergeTraces([b, a]);
    expect(order(merged.text)).toEqual(["a:1: handle a eGo", "a:2: send a ePing", "a:3: handle a eTick", "b:1: handle b ePing"]);
    expect(merged).toMatchObject({ lines: 4, dropped: 0 });
    // Numbered afresh, without the processes' times, with where each line came from.
    expect(JSON.parse(merged.text.split("\n")[3])).toEqual({ seq: 4, kind: "handle", machine: "b", event: "ePing", payload: 1, source: "b:1" });
  });

  it("sends a receiver's messages in the order it handles them", () => {
    // c takes x's message first although y's step has the earlier time.
    const x = file("x", [send("x", "c", "eNote", "from x", 30), handle("x", "eStart", null, 31)]);
    const y = file("y", [send("y", "c", "eNote", "from y", 20), handle("y", "eStart", null, 21)]);
    const c = file("c", [handle("c", "eNote", "from x", 40), handle("c", "eNote", "from y", 41)]);
    expect(order(mergeTraces([x, y, c]).text)).toEqual([
      "x:1: send x eNote",
      "x:2: handle x eStart",
      "y:1: send y eNote",
      "y:2: handle y eStart",
      "c:1: handle c eNote",
      "c:2: handle c eNote",
    ]);
  });

  it("orders the steps the rules leave free by time", () => {
    const p = file("p", [handle("p", "eStart", null, 5), handle("p", "eStart", null, 7)]);
    const q = file("q", [handle("q", "eStart", null, 6)]);
    expect(order(mergeTraces([p, q]).text)).toEqual(["p:1: handle p eStart", "q:1: handle q eStart", "p:2: handle p eStart"]);
  });

  it("leaves out a step cut short at the end of a file (a killed process)", () => {
    const k = file("k", [handle("k", "eStart", null, 1), { kind: "announce", machine: "k", event: "eLogged", payload: 0, time: 2 }, send("k", "m", "eData", 0, 3)]);
    const merged = mergeTraces([k]);
    expect(order(merged.text)).toEqual(["k:1: handle k eStart"]);
    expect(merged).toMatchObject({ lines: 1, dropped: 2, cutShort: [{ file: "k", lines: 2 }] });
  });

  it("keeps a machine's start with its create, apart from its first handler", () => {
    // The master's start configures n; its first handler (a crash report nobody records) tells n
    // more, which n takes only after a message from w.
    const launcher = file("launcher", [
      { kind: "create", machine: "n", type: "Node", time: 1 },
      { kind: "create", machine: "master", type: "Master", time: 2 },
      send("master", "n", "eConfigure", 1, 2),
      send("master", "n", "eNewPred", 2, 9),
      handle("master", "eCrashed", "z", 9),
    ]);
    const w = file("w", [send("w", "n", "eForward", 0, 5), handle("w", "eStart", null, 5)]);
    const n = file("n", [handle("n", "eConfigure", 1, 3), handle("n", "eForward", 0, 6), handle("n", "eNewPred", 2, 10)]);
    expect(order(mergeTraces([launcher, w, n]).text)).toEqual([
      "launcher:1: create n Node",
      "launcher:2: create master Master",
      "launcher:3: send master eConfigure",
      "n:1: handle n eConfigure",
      "w:1: send w eForward",
      "w:2: handle w eStart",
      "n:2: handle n eForward",
      "launcher:4: send master eNewPred",
      "launcher:5: handle master eCrashed",
      "n:3: handle n eNewPred",
    ]);
  });

  it("says so when no order has every message sent before it is handled", () => {
    const a = file("a", [handle("a", "eB", 1, 1), send("a", "b", "eA", 1, 2), handle("a", "eStart", null, 2)]);
    const b = file("b", [handle("b", "eA", 1, 1), send("b", "a", "eB", 1, 2), handle("b", "eStart", null, 2)]);
    expect(() => mergeTraces([a, b])).toThrow(
      new TraceMergeError("no order of the traces has every message sent before it is handled; the next steps wait for messages no file sends first: a:1 (a handles eB), b:1 (b handles eA)"),
    );
  });

  it("names a line that is not a trace line", () => {
    expect(() => mergeTraces([{ name: "t.ndjson", text: '{"seq":1,"kind":"create","machine":"a","type":"A"}\nnot json\n' }])).toThrow(new TraceMergeError("t.ndjson:2: not a JSON line"));
    expect(() => mergeTraces([{ name: "t.ndjson", text: '{"seq":1}\n' }])).toThrow(new TraceMergeError("t.ndjson:1: not a trace line (a JSON object with a 'kind')"));
  });
});

describe("pith conform with several traces", () => {
  it("merges them, and stops with a usage error when they cannot be merged", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pith-merge-"));
    const a = file("a", [handle("a", "eB", 1, 1), send("a", "b", "eA", 1, 2), handle("a", "eStart", null, 2)]);
    const b = file("b", [handle("b", "eA", 1, 1), send("b", "a", "eB", 1, 2), handle("b", "eStart", null, 2)]);
    writeFileSync(join(dir, "a.ndjson"), a.text);
    writeFileSync(join(dir, "b.ndjson"), b.text);
    const ran = await pith(dir, "conform", join(ROOT, "examples/conformance/model"), "--trace", "a.ndjson", "--trace", "b.ndjson");
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain("the traces cannot be merged: no order of the traces has every message sent before it is handled");
    expect(ran.stdout).toBe("");
  });

  it("says which file ends part way through a step, and how many of its lines are left out", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pith-merge-"));
    writeFileSync(join(dir, "a.ndjson"), file("a", [send("a", "b", "eA", 1, 1)]).text);
    writeFileSync(join(dir, "b.ndjson"), file("b", [send("b", "a", "eB", 1, 1), send("b", "a", "eB", 2, 2)]).text);
    const ran = await pith(dir, "conform", join(ROOT, "examples/conformance/model"), "--trace", "a.ndjson", "--trace", "b.ndjson");
    expect(ran.stderr).toBe(
      "pith conform: a.ndjson ends part way through a step (its process stopped inside a handler): its last line is left out\n" +
        "pith conform: b.ndjson ends part way through a step (its process stopped inside a handler): its last 2 lines are left out\n",
    );
  });
});
