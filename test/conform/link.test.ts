// `pith link`: classes bound to machines by @machine("Name") or by implementing NameHandlers,
// each model handler paired with its method, and every way the two can disagree reported.
import { describe, expect, test } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { folder, pith } from "./helpers.ts";

const ROOT = join(import.meta.dirname, "..", "..");

const MODEL = `
event ePut: (key: int, value: int);
event eGet: int;
event eValue: int;
event eAudit: int;
machine Store {
    start state Serving {
        on ePut do (p: (key: int, value: int)) { announce eAudit, p.key; }
        on eGet do (k: int) { send this, eValue, k; }
        ignore eValue;
    }
}
machine Cache {
    start state S { on eGet goto S; }
}
machine Main { start state S { entry { new Store(); new Cache(); } } }
test t [main=Main]: { Store, Cache, Main };
`;

const GOOD_STORE = `
export class Store implements StoreHandlers {
  onPut(p: { key: number; value: number }): void {
    trace.announce(this.id, "eAudit", p.key);
  }
  onGet(key: number): void {
    net.send(this.id, this.id, "eValue", key);
  }
}
`;

describe("pith link", () => {
  test("a clean link: every handler paired with its method", async () => {
    const dir = folder({
      "model/m.p": MODEL,
      "src/store.ts": GOOD_STORE,
      "src/cache.ts": '@machine("Cache")\nexport class CacheImpl {\n  onGet(key: number) {}\n}\n',
    });
    const ran = await pith(dir, "link", "model", "src");
    expect(ran.stdout).toBe(
      [
        'Cache is implemented by class CacheImpl (src/cache.ts:1, @machine("Cache"))',
        "  eGet  model/m.p:14  ->  src/cache.ts:3 onGet",
        "Store is implemented by class Store (src/store.ts:2, implements StoreHandlers)",
        "  ePut  model/m.p:8  ->  src/store.ts:3 onPut",
        "  eGet  model/m.p:9  ->  src/store.ts:6 onGet",
        "Not implemented in this code: Main",
        "No findings: the code handles and records every event of the machines it implements.",
        "",
      ].join("\n"),
    );
    expect(ran.code).toBe(0);
  });

  test("reports missing and extra handlers, events never recorded, and duplicates", async () => {
    const dir = folder({
      "model/m.p": MODEL,
      "src/store.ts": `
export class Store implements StoreHandlers {
  onPut(p: unknown): void {}
  onGetAll(): void {}
  onValue(v: number): void {}
  onEPut(p: unknown): void {}
}
`,
      "src/store2.ts": '@machine("Store")\nexport class OtherStore {\n  onPut() { send("eValue"); send("eAudit"); }\n  onGet() {}\n}\n',
      "src/ghost.ts": '@machine("Stor")\nexport class Ghost {}\n',
    });
    const ran = await pith(dir, "link", "model", "src");
    expect(ran.code).toBe(1);
    const findings = ran.stdout.slice(ran.stdout.indexOf("\n\n") + 2).trimEnd().split("\n");
    expect(findings).toEqual([
      "src/ghost.ts:1: error PTH6206: class Ghost is bound to machine Stor, which the model does not have. Did you mean 'Store'?",
      "src/store2.ts:1: error PTH6204: Store is implemented by more than one class: Store (src/store.ts:2), OtherStore (src/store2.ts:1).",
      "src/store.ts:4: error PTH6202: Store.onGetAll handles an event the model does not have.",
      "src/store.ts:5: error PTH6203: Store.onValue handles eValue, which Store never handles in the model.",
      "src/store.ts:6: error PTH6207: Store handles ePut twice: onPut and onEPut.",
      "src/store.ts:2: error PTH6201: Store has no handler for eGet (method onGet), which Store handles in the model.",
      "src/store.ts:2: error PTH6205: Store never records sending eValue, which Store sends in the model.",
      "src/store.ts:2: error PTH6205: Store never records announcing eAudit, which Store announces in the model.",
      "",
      "8 findings",
    ]);
    expect(ran.stdout).toContain("  eGet  model/m.p:9  ->  (no handler)");
  });

  test("--json, and a tsconfig.json instead of a folder", async () => {
    const dir = folder({
      "model/m.p": MODEL,
      "tsconfig.json": '{ "compilerOptions": { "strict": true }, "include": ["src"] }',
      "src/store.ts": GOOD_STORE.replace("onGet(key: number): void {", "onGet(key: number): void {\n    void key;").replace('"eValue", key', '"eValue", 0'),
      "other/ignored.ts": '@machine("Cache")\nexport class NotIncluded {}\n',
    });
    const ran = await pith(dir, "link", "model", "tsconfig.json", "--json");
    expect(ran.code).toBe(0);
    const doc = JSON.parse(ran.stdout);
    expect(doc).toMatchObject({
      version: 1,
      classes: [{ name: "Store", machine: "Store", how: "implements", at: { file: "src/store.ts", line: 2 } }],
      unlinked: ["Cache", "Main"],
      findings: [],
    });
    expect(doc.handlers).toEqual([
      { machine: "Store", event: "ePut", method: "onPut", model: "model/m.p:8", code: { file: "src/store.ts", line: 3 } },
      { machine: "Store", event: "eGet", method: "onGet", model: "model/m.p:9", code: { file: "src/store.ts", line: 6 } },
    ]);
  });

  test("a handler inherited from a base class is linked to the base class's method", async () => {
    const dir = folder({
      "model/m.p": MODEL,
      "src/base.ts": "export class BaseStore {\n  onGet(key: number): void {}\n}\n",
      "src/store.ts": 'import { BaseStore } from "./base.ts";\nexport class Store extends BaseStore implements StoreHandlers {\n  onPut(p: unknown): void {\n    announce("eAudit", p);\n    send("eValue", 0);\n  }\n}\n',
    });
    const ran = await pith(dir, "link", "model", "src");
    expect(ran.stdout).toContain("  eGet  model/m.p:9  ->  src/base.ts:2 onGet\n");
    expect(ran.code).toBe(0);
  });

  test("usage errors", async () => {
    const dir = folder({ "model/m.p": MODEL, "src/a.ts": "" });
    expect(await pith(dir, "link", "model")).toMatchObject({ code: 2, stderr: expect.stringContaining("name the model and then the code") });
    expect(await pith(dir, "link", "model", "nowhere")).toMatchObject({ code: 2, stderr: expect.stringContaining("nowhere: no such file or folder") });
    expect(await pith(dir, "link", "src", "model/m.p")).toMatchObject({ code: 2, stderr: expect.stringContaining("(it comes after the model)") });
  });
});

describe("pith conform --link", () => {
  const EXAMPLE = "examples/conformance";
  // The example's first write, recorded with a snapshot the model cannot reach.
  const badTrace = () =>
    folder({
      "run.ndjson": readFileSync(join(ROOT, EXAMPLE, "traces", "write-then-read.ndjson"), "utf8").split("\n").slice(0, 4).join("\n").replace('"nextSeqNo":2', '"nextSeqNo":7') + "\n",
    });

  test("a handle line the model cannot take names the method that handled it", async () => {
    const trace = join(badTrace(), "run.ndjson");
    const args = ["conform", `${EXAMPLE}/model`, "--trace", trace, "--link", `${EXAMPLE}/tsconfig.json`];
    const text = await pith(ROOT, ...args);
    expect(text.code).toBe(1);
    expect(text.stdout.split("\n")[2]).toBe(`       handled in the implementation at ${EXAMPLE}/impl/primary.ts:32 (onWrite)`);
    const json = JSON.parse((await pith(ROOT, ...args, "--json")).stdout);
    expect(json.partitions[0].at.impl).toEqual({ file: `${EXAMPLE}/impl/primary.ts`, line: 32, method: "onWrite" });
    const plain = await pith(ROOT, ...args.slice(0, -2));
    expect(plain.stdout).toBe(text.stdout.replace(/\n {7}handled in the implementation at [^\n]*/, ""));
  });

  test("--link goes with --trace", async () => {
    const ran = await pith(ROOT, "conform", `${EXAMPLE}/model`, "--mbt", `${EXAMPLE}/impl/mbt.ts`, "--link", `${EXAMPLE}/impl`);
    expect(ran).toMatchObject({ code: 2, stderr: expect.stringContaining("--link goes with --trace") });
  });
});
