// `pith conform --trace`: a recorded trace is matched against the model by a search over its
// states; a trace that leaves the model is reported at its first line the model cannot take, and a
// bad trace file at each bad line, never with a crash.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { folder, pith } from "./helpers.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const MODEL = join(ROOT, "examples/conformance/model");
const GOOD = readFileSync(join(ROOT, "examples/conformance/traces/write-then-read.ndjson"), "utf8");
const LINES = GOOD.trimEnd().split("\n");

/** Runs `pith conform` on the example's model and `trace` (the text of a trace file). */
async function conform(trace: string, ...options: string[]) {
  const dir = folder({ "run.ndjson": trace });
  return pith(dir, "conform", MODEL, "--trace", "run.ndjson", ...options);
}

function edit(line: number, change: (fields: Record<string, unknown>) => void): string {
  const lines = LINES.slice();
  const fields = JSON.parse(lines[line - 1]) as Record<string, unknown>;
  change(fields);
  lines[line - 1] = JSON.stringify(fields);
  return lines.join("\n") + "\n";
}

describe("a trace that conforms", () => {
  test("is accepted, with the size of the search", async () => {
    const ran = await conform(GOOD);
    expect(ran.stdout).toMatch(/^run\.ndjson against tcPrimaryBackup\(nOps=3\): conforms \(16 lines, \d+ states searched\)\n$/);
    expect(ran.code).toBe(0);
  });

  test("needs no snapshots, and no times", async () => {
    const bare = LINES.map((l) => {
      const f = JSON.parse(l) as Record<string, unknown>;
      delete f.state;
      delete f.time;
      return JSON.stringify(f);
    });
    expect((await conform(bare.join("\n"))).code).toBe(0);
  });

  test("a prefix of a run conforms too, even one that ends part way through a handler", async () => {
    for (const n of [3, 7, 9]) expect((await conform(LINES.slice(0, n).join("\n") + "\n")).code).toBe(0);
  });

  test("--json", async () => {
    const ran = await conform(GOOD, "--json");
    const doc = JSON.parse(ran.stdout);
    expect(doc).toMatchObject({ version: 1, kind: "trace", test: "tcPrimaryBackup(nOps=3)", trace: "run.ndjson", verdict: "conforms", problems: [] });
    expect(doc.partitions).toEqual([{ key: null, verdict: "conforms", lines: 16, matched: 16, states: expect.any(Number) }]);
  });
});

describe("a trace that does not conform", () => {
  test("names the first line the model cannot take and what the model could do there", async () => {
    // The primary acknowledges a write the backup has not acknowledged: swap line 3 (its send to the
    // backup) for an acknowledgement to the client.
    const trace = edit(3, (f) => {
      f.to = "client-1";
      f.event = "eWriteAck";
      f.payload = { client: "client-1", reqId: 1, key: 0, value: 1 };
    });
    const ran = await conform(trace);
    expect(ran.code).toBe(1);
    const out = ran.stdout.split("\n");
    expect(out[0]).toMatch(/^run\.ndjson against tcPrimaryBackup\(nOps=3\): does not conform: line 3 is not a behaviour of the model/);
    expect(out[1]).toBe(`  3 | ${JSON.stringify(JSON.parse(trace.split("\n")[2]))}`);
    expect(out[2]).toBe("  Where the trace has this line, the model could instead (after the lines before it):");
    expect(out).toContain('    - primary sends eReplicate {"primary":"primary","seqNo":1,"key":0,"value":1} to backup');
    expect(ran.stdout).toContain(
      "That line breaks spec AckedWritesAreReplicated: assertion: the write of 1 to key 0 was acknowledged to client-1 before the backup held it",
    );
  });

  test("a snapshot that is not the model's state", async () => {
    const trace = edit(6, (f) => {
      (f.state as { vars: { applied: number } }).vars.applied = 7;
    });
    const ran = await conform(trace);
    expect(ran.code).toBe(1);
    expect(ran.stdout).toContain("line 6 is not a behaviour of the model");
    expect(ran.stdout).toContain('backup handles eReplicate {"primary":"primary","seqNo":1,"key":0,"value":1}, then {"state":"Replicating","vars":{"store":[[0,1]],"applied":1}}');
  });

  test("a payload the model would not send", async () => {
    const trace = edit(9, (f) => {
      (f.payload as { found: boolean }).found = false;
    });
    const ran = await conform(trace, "--json");
    expect(ran.code).toBe(1);
    const doc = JSON.parse(ran.stdout);
    expect(doc.verdict).toBe("mismatch");
    expect(doc.partitions[0]).toMatchObject({ verdict: "mismatch", at: { line: 9 } });
  });

  test("a machine the model does not make", async () => {
    const lines = LINES.slice();
    lines.splice(2, 0, '{"seq":2.5,"kind":"create","machine":"primary-2","type":"Primary","payload":"backup"}');
    const trace = lines.map((l, i) => l.replace(/"seq":[0-9.]+/, `"seq":${i + 1}`)).join("\n") + "\n";
    const ran = await conform(trace);
    expect(ran.code).toBe(1);
    expect(ran.stdout).toContain("line 3 is not a behaviour of the model");
    expect(ran.stdout).toContain('primary sends eReplicate {"primary":"primary","seqNo":1,"key":0,"value":1} to backup');
    expect(ran.stdout).not.toContain("Going on with the trace");
  });

  test("an inconclusive search: the budget runs out (exit 3 only when asked)", async () => {
    const ran = await conform(GOOD, "--max-states", "3");
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain("inconclusive: The search ran out of its budget of 3 states at line");
    expect((await conform(GOOD, "--max-states", "3", "--fail-inconclusive")).code).toBe(3);
  });
});

describe("a monitor that fails along the matching path", () => {
  // The model itself breaks the spec when the environment sends a large number: the trace, which
  // the model can follow, is a failure of the spec.
  const model = `
event eIn: int;
event eOut: int;
spec Small observes eOut {
    start state S { on eOut do (n: int) { assert n < 10, format("{0} is too large", n); } }
}
machine Echo {
    var seen: int;
    start state Serving {
        on eIn do (n: int) { seen = seen + 1; send this, eOut, n; }
        ignore eOut;
    }
}
machine Env {
    start state S {
        entry {
            var echo: Echo;
            echo = new Echo();
            send echo, eIn, choose(20);
        }
    }
}
test t [main=Env]: assert Small in { Echo, Env };
`;
  const line = (seq: number, rest: string) => `{"seq":${seq},"time":${seq},${rest}}`;
  const trace = (n: number) =>
    [
      line(1, '"kind":"create","machine":"echo","type":"Echo"'),
      line(2, `"kind":"send","machine":"echo","to":"echo","event":"eOut","payload":${n}`),
      line(3, `"kind":"handle","machine":"echo","event":"eIn","payload":${n},"state":{"state":"Serving","vars":{"seen":1}}`),
    ].join("\n") + "\n";

  test("is a violation at the line that breaks it", async () => {
    const dir = folder({ "m.p": model, "bad.ndjson": trace(12), "good.ndjson": trace(5) });
    expect((await pith(dir, "conform", "m.p", "--trace", "good.ndjson")).code).toBe(0);
    const ran = await pith(dir, "conform", "m.p", "--trace", "bad.ndjson");
    expect(ran.code).toBe(1);
    expect(ran.stdout).toContain("does not conform: line 2 breaks spec Small");
    expect(ran.stdout).toContain("spec Small: assertion: 12 is too large (m.p:5:43)");
  });
});

describe("partitions", () => {
  // One lock per partition: each lock's events are a run of the model on their own.
  const model = `
event eAcquire: (lock: int, client: string);
event eGrant: (lock: int, client: string);
event eRelease: (lock: int, client: string);
machine Locks {
    var holder: string;
    start state Free {
        on eAcquire goto Held with (r: (lock: int, client: string)) {
            holder = r.client;
            send this, eGrant, (lock = r.lock, client = r.client);
        }
        ignore eGrant;
    }
    state Held {
        on eRelease goto Free with (r: (lock: int, client: string)) { assert r.client == holder; holder = ""; }
        ignore eGrant;
    }
}
machine Env {
    start state S {
        entry {
            var locks: Locks;
            var lock: int;
            locks = new Locks();
            lock = choose(2);
            send locks, eAcquire, (lock = lock, client = "a");
            send locks, eRelease, (lock = lock, client = "a");
            send locks, eAcquire, (lock = lock, client = "b");
        }
    }
}
test t [main=Env]: { Locks, Env };
`;
  const lines = [
    '{"seq":1,"kind":"create","machine":"locks","type":"Locks"}',
    '{"seq":2,"kind":"send","machine":"locks","to":"locks","event":"eGrant","payload":{"lock":0,"client":"a"}}',
    '{"seq":3,"kind":"handle","machine":"locks","event":"eAcquire","payload":{"lock":0,"client":"a"}}',
    '{"seq":4,"kind":"send","machine":"locks","to":"locks","event":"eGrant","payload":{"lock":1,"client":"a"}}',
    '{"seq":5,"kind":"handle","machine":"locks","event":"eAcquire","payload":{"lock":1,"client":"a"}}',
    '{"seq":6,"kind":"handle","machine":"locks","event":"eRelease","payload":{"lock":0,"client":"a"}}',
    '{"seq":7,"kind":"handle","machine":"locks","event":"eRelease","payload":{"lock":1,"client":"a"}}',
    '{"seq":8,"kind":"send","machine":"locks","to":"locks","event":"eGrant","payload":{"lock":0,"client":"b"}}',
    '{"seq":9,"kind":"handle","machine":"locks","event":"eAcquire","payload":{"lock":0,"client":"b"}}',
  ];
  // Lock 1 is released twice.
  const bad = [...lines.slice(0, 7), '{"seq":8,"kind":"handle","machine":"locks","event":"eRelease","payload":{"lock":1,"client":"a"}}'];
  const dir = folder({ "m.p": model, "run.ndjson": lines.join("\n") + "\n", "bad.ndjson": bad.join("\n") + "\n" });

  test("the whole trace is not a run of the model, each partition is", async () => {
    const whole = await pith(dir, "conform", "m.p", "--trace", "run.ndjson");
    expect(whole.code).toBe(1);
    expect(whole.stdout).toContain("line 4 is not a behaviour of the model");
    const parts = await pith(dir, "conform", "m.p", "--trace", "run.ndjson", "--partition-by", "payload.lock");
    expect(parts.stdout).toMatch(/^run\.ndjson against t, partitioned by payload\.lock: 2 partitions, 0 not conforming\n {2}payload\.lock = 0: conforms \(6 lines, \d+ states searched\)\n {2}payload\.lock = 1: conforms \(4 lines, \d+ states searched\)\n$/);
    expect(parts.code).toBe(0);
  });

  test("a partition that does not conform is named by its key", async () => {
    const ran = await pith(dir, "conform", "m.p", "--trace", "bad.ndjson", "--partition-by", "payload.lock", "--json");
    expect(ran.code).toBe(1);
    const doc = JSON.parse(ran.stdout);
    expect(doc.partitionBy).toBe("payload.lock");
    expect(doc.partitions.map((p: { key: string; verdict: string }) => [p.key, p.verdict])).toEqual([
      ["0", "conforms"],
      ["1", "mismatch"],
    ]);
  });
});

describe("a bad trace is reported line by line, exit 2", () => {
  async function bad(trace: string): Promise<string> {
    const ran = await conform(trace);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toBe("");
    expect(ran.stdout).toMatch(/run\.ndjson: not a trace that can be checked \(\d+ errors?\)\n$/);
    return ran.stdout;
  }

  test("a truncated last line", async () => {
    const out = await bad(GOOD + LINES[0].slice(0, 25));
    expect(out).toContain("run.ndjson:17: error PTH6002: Line 17 is cut short: the trace ends in the middle of it.");
  });

  test("invalid JSON in the middle", async () => {
    const lines = LINES.slice();
    lines[4] = lines[4].slice(0, 30);
    const out = await bad(lines.join("\n") + "\n");
    expect(out).toMatch(/run\.ndjson:5: error PTH6001: Line 5 is not valid JSON: /);
    expect(out).toContain(`  5 | ${lines[4]}`);
  });

  test("an unknown event, with a suggestion", async () => {
    const out = await bad(edit(3, (f) => (f.event = "eReplicat")));
    expect(out).toContain("run.ndjson:3: error PTH6004: Line 3: the model has no event 'eReplicat'. Did you mean 'eReplicate'?");
  });

  test("payloads of the wrong type", async () => {
    const out = await bad(
      edit(3, (f) => ((f.payload as { key: unknown }).key = "zero")) +
        "",
    );
    expect(out).toContain("Line 3: the payload of eReplicate does not fit its type: expected an int (a whole number) at key, found \"zero\".");
    const missing = await bad(edit(3, (f) => delete (f.payload as { key?: unknown }).key));
    expect(missing).toContain("Line 3: the payload of eReplicate does not fit its type: missing field 'key'.");
    const extra = await bad(edit(3, (f) => ((f.payload as { extra?: unknown }).extra = 1)));
    expect(extra).toContain("unexpected field 'extra' (the type has primary, seqNo, key, value)");
    const none = await bad(edit(4, (f) => (f.event = "eRetransmit")));
    expect(none).toContain("Line 4: the payload of eRetransmit does not fit its type: eRetransmit carries no payload.");
  });

  test("seq and time out of order", async () => {
    const out = await bad(edit(5, (f) => (f.seq = 2)));
    expect(out).toContain("run.ndjson:5: error PTH6008: Line 5: seq 2 does not come after seq 4 (line 4).");
    const time = await bad(edit(5, (f) => (f.time = 1)));
    expect(time).toContain("run.ndjson:5: error PTH6009: Line 5: time 1 is earlier than time 4 (line 4).");
  });

  test("unknown machines and machine types, machines made twice", async () => {
    expect(await bad(edit(3, (f) => (f.machine = "primary-2")))).toContain("Line 3: machine 'primary-2' was not created by an earlier line.");
    expect(await bad(edit(1, (f) => (f.type = "Bakup")))).toContain("Line 1: the model has no machine type 'Bakup'. Did you mean 'Backup'?");
    expect(await bad(edit(2, (f) => (f.machine = "backup")))).toContain("Line 2: machine 'backup' was already created on line 1.");
  });

  test("lines that are not trace lines", async () => {
    const lines = LINES.slice();
    lines[2] = "[1, 2]";
    lines[3] = '{"seq": 4, "kind": "receive", "machine": "primary"}';
    lines[4] = '{"seq": 5.5, "kind": "send", "machine": "primary"}';
    lines[5] = '{"seq": 6, "kind": "send", "machine": "backup", "event": "eReplicateAck", "payload": {"seqNo": 1, "key": 0, "value": 1}}';
    const out = await bad(lines.join("\n") + "\n");
    expect(out).toContain("Line 3: a line must be a JSON object.");
    expect(out).toContain("Line 4: 'kind' must be one of send, handle, announce, create.");
    expect(out).toContain("Line 5: 'seq' must be an integer.");
    expect(out).toContain("Line 6: a send line needs 'to', the id of the machine sent to.");
  });

  test("a snapshot that does not fit the machine", async () => {
    expect(await bad(edit(6, (f) => ((f.state as { state: string }).state = "Replicatin")))).toContain(
      "Line 6: the snapshot of backup does not fit the model: Backup has no state 'Replicatin' (did you mean 'Replicating'?).",
    );
    expect(await bad(edit(6, (f) => ((f.state as { vars: Record<string, unknown> }).vars.applid = 1)))).toContain("Backup has no variable 'applid' (did you mean 'applied'?).");
    expect(await bad(edit(6, (f) => ((f.state as { vars: Record<string, unknown> }).vars.store = { 0: 1 })))).toContain(
      "expected an array of [key, value] pairs (a map) at store, found {\"0\":1}",
    );
  });

  test("--json lists the problems", async () => {
    const dir = folder({ "run.ndjson": GOOD + "{" });
    const ran = await pith(dir, "conform", MODEL, "--trace", "run.ndjson", "--json");
    expect(ran.code).toBe(2);
    expect(JSON.parse(ran.stdout)).toMatchObject({
      verdict: "bad-trace",
      problems: [{ code: "PTH6002", severity: "error", line: 17, message: "Line 17 is cut short: the trace ends in the middle of it.", text: "{" }],
      partitions: [],
    });
  });

  test("an empty trace conforms, with a warning", async () => {
    const ran = await conform("");
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain("warning PTH6012: The trace has no lines.");
  });
});

describe("usage", () => {
  test("errors in the command", async () => {
    const dir = folder({ "run.ndjson": GOOD });
    expect(await pith(dir, "conform", MODEL)).toMatchObject({ code: 2, stderr: expect.stringContaining("give either --trace FILE or --mbt MODULE") });
    expect(await pith(dir, "conform", MODEL, "--trace", "nope.ndjson")).toMatchObject({ code: 2, stderr: expect.stringContaining("nope.ndjson: no such file") });
    expect(await pith(dir, "conform", MODEL, "--trace", "run.ndjson", "--test", "nope")).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("the model has no test 'nope' (it has: tcPrimaryBackup(nOps=3))"),
    });
    expect(await pith(dir, "conform", MODEL, "--trace", "run.ndjson", "--max-states", "x")).toMatchObject({ code: 2 });
    expect(await pith(dir, "conform", "--trace", "run.ndjson")).toMatchObject({ code: 2, stderr: expect.stringContaining("name the model") });
  });

  test("--test takes a declared test's name", async () => {
    expect((await conform(GOOD, "--test", "tcPrimaryBackup")).code).toBe(0);
  });
});
