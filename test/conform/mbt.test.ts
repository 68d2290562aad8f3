// Model-based testing: the harness runs commands on an implementation and the model side by side,
// follows the model's choices, compares messages and snapshots, and narrates what it did.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { loadedSpec, defineMbt, MbtSetupError, mbtJson, mbtText, runCommands, runMbt, type SystemUnderTest, type WireMessage } from "../../src/conform/mbt.ts";
import { storeTests } from "../../examples/conformance/impl/mbt.ts";
import { loadSpec } from "../../src/conform/mbt.ts";
import { folder, model, pith } from "./helpers.ts";

const COIN = `
event eFlip: machine;
event eSide: bool;
machine Coin {
    var flips: int;
    var heads: bool;
    start state Ready {
        on eFlip do (who: machine) {
            flips = flips + 1;
            heads = $;
            send who, eSide, heads;
        }
    }
}
machine User { start state Idle { } }
machine Main { start state S { entry { new Coin(); new User(); } } }
test t [main=Main]: { Coin, User, Main };
`;

function coinSpec() {
  const front = model({ "coin.p": COIN });
  const spec = loadedSpec(front.ir!, front.sources, undefined);
  if (typeof spec === "string") throw new Error(spec);
  return spec;
}

/** A coin that alternates heads and tails; `step` is how much a flip counts. */
function coin(step = 1): SystemUnderTest {
  const out: WireMessage[] = [];
  let flips = 0;
  let heads = false;
  return {
    deliver(m) {
      flips += step;
      heads = !heads;
      out.push({ from: "coin", to: m.payload as string, event: "eSide", payload: heads });
    },
    sent: () => out.splice(0),
    snapshot: () => ({ state: "Ready", vars: { flips, heads } }),
  };
}

const coinTests = (step = 1) =>
  defineMbt<string>({
    name: "coin",
    machines: [
      { id: "coin", type: "Coin" },
      { id: "user", type: "User", external: true },
    ],
    inputs: fc.constant("user"),
    toMessage: (who) => ({ from: who, to: "coin", event: "eFlip", payload: who }),
    system: () => coin(step),
  });

describe("the harness", () => {
  test("follows the model's choices: the implementation may take any of them", async () => {
    const result = await runMbt(coinSpec(), coinTests(), { runs: 30, seed: 5 });
    expect(result.ok).toBe(true);
  });

  test("a snapshot that is not the model's state fails, naming what differs", async () => {
    const result = await runMbt(coinSpec(), coinTests(2), { runs: 30, seed: 5 });
    expect(result.ok).toBe(false);
    expect(result.commands).toEqual([{ kind: "input", input: "user" }]);
    expect(mbtText(result)).toBe(
      [
        `model-based tests 'coin' against t: failed after ${result.runs} run${result.runs === 1 ? "" : "s"} (seed 5, ${result.shrinks} shrink${result.shrinks === 1 ? "" : "s"})`,
        "The shortest failing command list found (1 command):",
        "    1. input user -> coin: eFlip \"user\"",
        "         coin sends eSide true to user",
        "x At command 1:",
        "  after coin handled eFlip, coin is not in the model's state:",
        '    the implementation: {"state":"Ready","vars":{"flips":2,"heads":true}}',
        '    the model:          {"state":"Ready","vars":{"flips":1,"heads":true}}',
        "    (they differ in flips)",
        `Replay it with --seed 5 --replay-path ${result.path} (in runMbt: { seed: 5, path: "${result.path}" }).`,
        "",
      ].join("\n"),
    );
    expect(mbtJson(result)).toMatchObject({ version: 1, kind: "mbt", verdict: "mismatch", seed: 5, failedAt: 1 });
  });

  test("narrates deliveries, losses, duplicates and crashes", async () => {
    const spec = loadSpec(["examples/conformance/model"], { cwd: `${import.meta.dirname}/../..` });
    const write = { op: "write", client: "client-1", key: 0, value: 4 } as const;
    const outcome = await runCommands(spec, storeTests(), [
      { kind: "input", input: write },
      { kind: "duplicate", pick: 0 },
      { kind: "deliver", pick: 0 },
      { kind: "lose", pick: 1 },
      { kind: "crash", pick: 0 },
      { kind: "deliver", pick: 0 },
      { kind: "input", input: { op: "tick" } },
      { kind: "deliver", pick: 5 },
    ]);
    expect(outcome.divergence).toBeUndefined();
    expect(outcome.log).toEqual([
      '  1. input client-1 -> primary: eWrite {"client":"client-1","reqId":1,"key":0,"value":4}',
      '       primary sends eReplicate {"primary":"primary","seqNo":1,"key":0,"value":4} to backup',
      '  2. duplicate primary -> backup: eReplicate {"primary":"primary","seqNo":1,"key":0,"value":4}',
      '  3. deliver primary -> backup: eReplicate {"primary":"primary","seqNo":1,"key":0,"value":4}',
      '       backup sends eReplicateAck {"seqNo":1,"key":0,"value":4} to primary',
      '  4. lose backup -> primary: eReplicateAck {"seqNo":1,"key":0,"value":4}',
      "  5. crash backup",
      '  6. deliver primary -> backup: eReplicate {"primary":"primary","seqNo":1,"key":0,"value":4}',
      "       (dropped: backup has crashed)",
      "  7. input timer -> primary: eRetransmit",
      '       primary sends eReplicate {"primary":"primary","seqNo":1,"key":0,"value":4} to backup',
      '  8. deliver primary -> backup: eReplicate {"primary":"primary","seqNo":1,"key":0,"value":4}',
      "       (dropped: backup has crashed)",
    ]);
  });

  test("mistakes in the definition are errors, not failures of the implementation", async () => {
    const spec = coinSpec();
    const typo = defineMbt({ ...coinTests(), machines: [{ id: "coin", type: "Coyn" }] });
    await expect(runMbt(spec, typo, { runs: 1 })).rejects.toThrow(MbtSetupError);
    await expect(runMbt(spec, typo, { runs: 1 })).rejects.toThrow("machine coin: the model has no machine type 'Coyn'");
    const badInput = defineMbt({ ...coinTests(), toMessage: () => ({ from: "user", to: "coin", event: "eFlop" }) });
    await expect(runMbt(spec, badInput, { runs: 20, seed: 1 })).rejects.toThrow("the model has no event 'eFlop'");
  });

  test("an implementation that throws fails with its error", async () => {
    const throwing = defineMbt({
      ...coinTests(),
      system: () => ({ ...coin(), deliver: () => Promise.reject(new Error("disk on fire")) }),
    });
    const result = await runMbt(coinSpec(), throwing, { runs: 5, seed: 1 });
    expect(result.ok).toBe(false);
    expect(result.failure).toContain("coin threw while handling eFlip: Error: disk on fire");
  });
});

describe("pith conform --mbt", () => {
  const root = `${import.meta.dirname}/../..`;

  test("a failing module: exit 1, the shrunk commands and how to replay them", async () => {
    const dir = folder({
      "buggy.ts": `import { storeTests } from "${root}/examples/conformance/impl/mbt.ts";\nexport default storeTests("no-retransmit");\n`,
    });
    const ran = await pith(dir, "conform", `${root}/examples/conformance/model`, "--mbt", "buggy.ts", "--seed", "11");
    expect(ran.code).toBe(1);
    expect(ran.stdout).toMatch(/^model-based tests 'store with bug no-retransmit' against tcPrimaryBackup\(nOps=3\): failed after \d+ runs? \(seed 11,/);
    expect(ran.stdout).toContain("input timer -> primary: eRetransmit");
    expect(ran.stdout).toMatch(/Replay it with --seed 11 --replay-path \S+/);
  });

  test("a module that defines no tests is a usage error", async () => {
    const dir = folder({ "none.ts": "export default 42;\n", "broken.ts": "export default {;\n" });
    const model = `${root}/examples/conformance/model`;
    expect(await pith(dir, "conform", model, "--mbt", "none.ts")).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("none.ts must export the model-based tests as its default export (or as 'mbt'), made with defineMbt"),
    });
    expect(await pith(dir, "conform", model, "--mbt", "broken.ts")).toMatchObject({ code: 2, stderr: expect.stringContaining("broken.ts cannot be loaded") });
    expect(await pith(dir, "conform", model, "--mbt", "missing.ts")).toMatchObject({ code: 2, stderr: expect.stringContaining("missing.ts: no such file") });
  });
});
