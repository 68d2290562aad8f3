// `pith gen ts`: the generated module types every event, payload, machine and snapshot the way the
// model has them, compiles, and makes an implementation stop compiling when the model changes an
// event or a payload it uses.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { compile, folder, generated, pith } from "./helpers.ts";

const TYPES = `
enum tColor { Red, Green = 5 }
type tPair = (int, string);
type tRecord = (id: int, tags: set[string], scores: map[string, float], path: seq[tPair], owner: Node, color: tColor, ok: bool);
event eRecord: tRecord;
event eNothing;
event eList: seq[int];
event eWho: (node: Node, kind: event);

machine Node {
    var peers: set[Node];
    var last: tRecord;
    var count: int;
    start state Init {
        entry (n: int) { count = n; }
        on eRecord do (r: tRecord) { last = r; send r.owner, eWho, (node = this, kind = eRecord); }
        on eNothing goto Done;
    }
    state Done {
        on eList do (l: seq[int]) { count = sizeof(l); }
    }
}
machine Main { start state S { entry { new Node(1); } } }
test t [main=Main]: { Node, Main };
`;

describe("the generated module", () => {
  const text = generated({ "model.p": TYPES });

  test("types payloads: tuples and named tuples readonly, seq, set, map, machines, enums", () => {
    expect(text).toContain('export type tColor = "Red" | "Green";');
    expect(text).toContain('export const tColor = { Red: "Red", Green: "Green" } as const;');
    expect(text).toContain("export type tPair = readonly [number, string];");
    expect(text).toContain(
      "export type tRecord = { readonly id: number; readonly tags: ReadonlySet<string>; readonly scores: ReadonlyMap<string, number>; readonly path: readonly tPair[]; readonly owner: MachineId; readonly color: tColor; readonly ok: boolean };",
    );
    expect(text).toContain("export type RecordPayload = tRecord;");
    expect(text).toContain("export type NothingPayload = undefined;");
    expect(text).toContain("export type ListPayload = readonly number[];");
    expect(text).toContain("export type WhoPayload = { readonly node: MachineId; readonly kind: EventName | null };");
    expect(text).toContain("export type MachineId = string & { readonly [machineIdBrand]: true };");
  });

  test("has a handler interface per machine, for the events it handles in any state", () => {
    expect(text).toMatch(
      /export interface NodeHandlers<P extends \{ readonly \[E in EventName\]: unknown \} = Payloads, R = void \| Promise<void>> \{[^}]*onRecord\(payload: P\["eRecord"\]\): R;[^}]*onNothing\(\): R;[^}]*onList\(payload: P\["eList"\]\): R;/s,
    );
    expect(text).toContain('export type NodeState = "Init" | "Done";');
    expect(text).toContain("readonly vars: { readonly peers: ReadonlySet<MachineId>; readonly last: tRecord; readonly count: number };");
    expect(text).toContain("export type NodeStartPayload = number;");
    expect(text).toContain("export interface MainHandlers<P extends { readonly [E in EventName]: unknown } = Payloads, R = void | Promise<void>> {\n}");
  });

  test("compiles, and its recorder and handlers can be used as the types say", () => {
    const use = `
import { machineId, TraceRecorder, type NodeHandlers, type RecordPayload, type NodeSnapshot } from "./model.generated.ts";
class Node implements NodeHandlers {
  count = 0;
  onRecord(r: RecordPayload): void { this.count = r.tags.size + r.scores.size + r.path.length; }
  onNothing(): void {}
  async onList(l: readonly number[]): Promise<void> { this.count = l.length; }
  snapshot(): NodeSnapshot {
    return { state: "Init", vars: { peers: new Set(), count: this.count, last: { id: 1, tags: new Set(["a"]), scores: new Map([["x", 1.5]]), path: [[1, "p"]], owner: machineId("n"), color: "Green", ok: true } } };
  }
}
const lines: string[] = [];
const trace = new TraceRecorder((l) => lines.push(l), () => 0);
const n = new Node();
trace.create("Node", machineId("n"), 1);
trace.send(machineId("n"), machineId("m"), "eWho", { node: machineId("n"), kind: "eRecord" });
trace.send(machineId("n"), machineId("m"), "eNothing", undefined);
trace.handle("Node", machineId("n"), "eNothing", undefined, n.snapshot());
`;
    expect(compile({ "/model.generated.ts": text, "/use.ts": use })).toEqual([]);
  });

  test("rejects what the model does not allow", () => {
    const misuse = `
import { machineId, TraceRecorder } from "./model.generated.ts";
const trace = new TraceRecorder(() => {});
trace.send(machineId("n"), machineId("m"), "eList", ["1"]);
trace.send(machineId("n"), machineId("m"), "eNoSuchEvent", undefined);
trace.create("Node", "n", 1);
trace.handle("Node", machineId("n"), "eWho", { node: machineId("n"), kind: null });
`;
    const errors = compile({ "/model.generated.ts": text, "/misuse.ts": misuse });
    expect(errors.map((e) => e.split(":")[1])).toEqual(["4", "5", "6", "7"]);
  });
});

describe("a model change breaks the build of its implementation", () => {
  const v1 = `
type tPut = (key: int, value: int);
event ePut: tPut;
event eGet: int;
machine Store receives ePut, eGet; { start state S { on ePut do (p: tPut) {} on eGet do (k: int) {} } }
machine Main { start state S { entry { new Store(); } } }
test t [main=Main]: { Store, Main };
`;
  const impl = `
import type { GetPayload, PutPayload, StoreHandlers } from "./model.generated.ts";
export class Store implements StoreHandlers {
  readonly data = new Map<number, number>();
  onPut(p: PutPayload): void { this.data.set(p.key, p.value); }
  onGet(key: GetPayload): void { void this.data.get(key); }
}
`;

  test("the implementation compiles against the model it was written for", () => {
    expect(compile({ "/model.generated.ts": generated({ "model.p": v1 }), "/store.ts": impl })).toEqual([]);
  });

  test("a payload field changes type: the handler no longer compiles", () => {
    const v2 = v1.replace("type tPut = (key: int, value: int);", "type tPut = (key: string, value: int);");
    const errors = compile({ "/model.generated.ts": generated({ "model.p": v2 }), "/store.ts": impl });
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join("\n")).toMatch(/store\.ts:5: .*string.*number|store\.ts:5: .*number.*string/s);
  });

  test("an event is renamed: the handler's payload type is gone and the class no longer implements the interface", () => {
    const v2 = v1.replaceAll("eGet", "eRead");
    const errors = compile({ "/model.generated.ts": generated({ "model.p": v2 }), "/store.ts": impl });
    expect(errors.join("\n")).toContain("GetPayload");
    expect(errors.join("\n")).toContain("onRead");
  });

  test("an implementation with payloads of its own is held to the model's events all the same", () => {
    const own = `
import type { EventName, StoreHandlers } from "./model.generated.ts";
interface Wire extends Record<EventName, unknown> { ePut: { key: string; value: Uint8Array }; eGet: { key: string } }
export class Store implements StoreHandlers<Wire, boolean> {
  readonly data = new Map<string, Uint8Array>();
  onPut(p: Wire["ePut"]): boolean { this.data.set(p.key, p.value); return true; }
  onGet(p: Wire["eGet"]): boolean { return this.data.has(p.key); }
}
`;
    expect(compile({ "/model.generated.ts": generated({ "model.p": v1 }), "/store.ts": own })).toEqual([]);
    const errors = compile({ "/model.generated.ts": generated({ "model.p": v1.replaceAll("eGet", "eRead") }), "/store.ts": own });
    expect(errors.join("\n")).toContain("onRead");
  });

  test("an event gains a payload field: the handler still compiles, code that builds the payload does not", () => {
    const v2 = v1.replace("type tPut = (key: int, value: int);", "type tPut = (key: int, value: int, version: int);");
    const sender = `
import type { PutPayload } from "./model.generated.ts";
export const put: PutPayload = { key: 1, value: 2 };
`;
    const errors = compile({ "/model.generated.ts": generated({ "model.p": v2 }), "/store.ts": impl, "/sender.ts": sender });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^sender\.ts:3: .*version/);
  });
});

describe("pith gen ts", () => {
  const dir = folder({ "model/model.p": TYPES });

  test("writes the module, and --check says whether it is up to date", async () => {
    const wrote = await pith(dir, "gen", "ts", "model", "-o", "out/model.generated.ts");
    expect(wrote).toMatchObject({ code: 0, stdout: "wrote out/model.generated.ts\n" });
    const text = readFileSync(join(dir, "out/model.generated.ts"), "utf8");
    expect(text).toContain("// Generated by 'pith gen ts' from model. Do not edit: run\n//   pith gen ts model -o out/model.generated.ts\n");
    expect(await pith(dir, "gen", "ts", "model", "-o", "out/model.generated.ts", "--check")).toMatchObject({ code: 0 });
    const changed = folder({ "model/model.p": TYPES.replace("event eNothing;", "event eNothing: int;") });
    const stale = await pith(changed, "gen", "ts", "model", "-o", join(dir, "out/model.generated.ts"), "--check");
    expect(stale.code).toBe(1);
    expect(stale.stdout).toContain("is out of date: run 'pith gen ts model -o ");
  });

  test("prints the module without -o; the same model gives the same text", async () => {
    const a = await pith(dir, "gen", "ts", "model");
    const b = await pith(dir, "gen", "ts", "model");
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toContain("export class TraceRecorder {");
  });

  test("usage errors", async () => {
    expect(await pith(dir, "gen", "model")).toMatchObject({ code: 2, stderr: expect.stringContaining("'pith gen' makes only 'ts', not 'model'") });
    expect(await pith(dir, "gen", "ts")).toMatchObject({ code: 2, stderr: expect.stringContaining("name the model") });
    expect(await pith(dir, "gen", "ts", "model", "--check")).toMatchObject({ code: 2, stderr: expect.stringContaining("--check needs -o FILE") });
    const broken = folder({ "m.p": "event e: nosuchtype;" });
    expect((await pith(broken, "gen", "ts", "m.p")).code).toBe(2);
  });

  test("a file where the output's folder should be: a message naming the path, exit 2, the file untouched", async () => {
    const blocked = folder({ "model/model.p": TYPES, "out": "a file, not a folder\n" });
    const r = await pith(blocked, "gen", "ts", "model", "-o", "out/model.generated.ts");
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`pith gen: cannot open ${join(blocked, "out/model.generated.ts")}: a part of the path is a file, not a folder [ENOTDIR]\n`);
    expect(readFileSync(join(blocked, "out"), "utf8")).toBe("a file, not a folder\n");
  });

  test.runIf(process.platform === "linux")("a folder that cannot be made under /proc: exit 2 at once, not a hang", async () => {
    const r = await pith(dir, "gen", "ts", "model", "-o", "/proc/pith-no-such-folder/model.generated.ts");
    expect(r).toMatchObject({ code: 2, stderr: "pith gen: cannot mkdir /proc/pith-no-such-folder: no such file or folder [ENOENT]\n" });
  });
});
