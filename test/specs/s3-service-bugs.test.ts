// The mutation test of the object store: each bug of examples/s3/bugs.ts, switched on, is caught by
// the linearizability check of client histories — both in a short scenario written to expose it
// (run against the correct store too, which passes), and in the concurrent workload under faults.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateBucketCommand, HeadBucketCommand } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { checkHistory } from "../../src/history/check.ts";
import type { KvOperations } from "../../src/history/format.ts";
import { kvModel } from "../../src/history/models/kv.ts";
import { HistoryRecorder } from "../../src/history/recorder.ts";
import { BUGS, type Bug } from "../../examples/s3/bugs.ts";
import { S3Service } from "../../examples/s3/service.ts";
import { RecordingClient, runWorkload, s3Client } from "../../examples/s3/workload.ts";

type Scenario = (client: RecordingClient, service: S3Service) => Promise<void>;

/** The control that the barrier masks. */
const CONTROL = "blind-cache-install";
type Caught = Exclude<Bug, typeof CONTROL>;

/** For each bug, requests one after the other that expose it. */
const SCENARIOS: Record<Caught, Scenario> = {
  // A GET caches a 404; the PUT writes through to a partition; later GETs hit the stale 404.
  "cache-without-witness": async (client) => {
    for (const key of ["k0", "k1", "k2"]) {
      await client.get(key);
      await client.put(key, `${key}-v1`);
      for (let i = 0; i < 3; i++) await client.get(key);
    }
  },
  // A GET caches a 404; the PUT is acknowledged before the witnesses have it, so the barrier still
  // names the version before it and the cached 404 looks fresh.
  "witness-after-ack": async (client) => {
    for (const key of ["k0", "k1", "k2"]) {
      await client.get(key);
      await client.put(key, `${key}-v1`);
      for (let i = 0; i < 3; i++) await client.get(key);
    }
  },
  // Every witness recovering: a partition still holding v1 is taken as fresh after v2 is acknowledged.
  "unknown-as-fresh": async (client, service) => {
    for (const key of ["k0", "k1", "k2"]) {
      await client.put(key, `${key}-v1`);
      for (let i = 0; i < 3; i++) await client.get(key);
    }
    service.holdRebuilds();
    for (let i = 0; i < 3; i++) service.failWitness(i);
    for (const key of ["k0", "k1", "k2"]) {
      await client.put(key, `${key}-v2`);
      for (let i = 0; i < 3; i++) await client.get(key);
    }
  },
  // LISTs served by whichever index replica, caught up or not, miss the keys just written.
  "list-lagging-replica": async (client) => {
    for (let i = 0; i < 4; i++) {
      await client.put(`k${i}`, `v${i}`);
      await client.list("");
    }
  },
};

async function waitFor(attempt: () => Promise<unknown>): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      await attempt();
      return;
    } catch (error) {
      if (i === 50) throw error;
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}

/**
 * A store whose replica runs 50 ms behind and whose witnesses, with witness-after-ack, hear of a
 * write 100 ms late, as over a slow network: the windows in which the bugs show are then wide
 * enough for the first seeds of the workload to catch each.
 */
async function withService<T>(bug: Bug | undefined, seed: number, run: (service: S3Service) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), "s3-bugs-"));
  const service = await S3Service.start({ dir, seed, bug, replicaLagMs: 50, lateWitnessMs: 100, onInternalError: (e) => console.error(e) });
  try {
    await service.listen();
    const s3 = s3Client(service.endpoint);
    await s3.send(new CreateBucketCommand({ Bucket: "bugs" }));
    // With witness-after-ack the bucket, too, is visible only once the witnesses have it.
    await waitFor(() => s3.send(new HeadBucketCommand({ Bucket: "bugs" })));
    s3.destroy();
    return await run(service);
  } finally {
    await service.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function scenarioVerdict(bug: Caught, withBug: boolean): Promise<string> {
  return withService(withBug ? bug : undefined, 1, async (service) => {
    const history = new HistoryRecorder<KvOperations>();
    const s3 = s3Client(service.endpoint);
    try {
      await SCENARIOS[bug](new RecordingClient(s3, "bugs", history, "client-1"), service);
    } finally {
      s3.destroy();
    }
    const verdict = checkHistory(history.events, kvModel);
    return verdict.kind === "checked" ? verdict.verdict : "invalid";
  });
}

function workloadVerdict(bug: Bug, seed: number) {
  return withService(bug, seed, async (service) => {
    const history = new HistoryRecorder<KvOperations>();
    await runWorkload(service, history, { bucket: "bugs", clients: 4, opsPerClient: 30, keys: 3, seed, faultRate: 0.2, listShare: 0.25 });
    return checkHistory(history.events, kvModel);
  });
}

describe("each bug of the object store is caught by the history check", () => {
  for (const bug of BUGS.filter((b): b is Caught => b !== CONTROL)) {
    it(`${bug}: its scenario is not linearizable with the bug, and is without it`, async () => {
      expect(await scenarioVerdict(bug, true)).toBe("violation");
      expect(await scenarioVerdict(bug, false)).toBe("ok");
    });

    it(`${bug}: the concurrent workload under faults is not linearizable`, async () => {
      const caught: number[] = [];
      for (const seed of [1, 2, 3, 4, 5, 6]) {
        const verdict = await workloadVerdict(bug, seed);
        if (verdict.kind === "checked" && verdict.verdict === "violation") {
          caught.push(seed);
          break;
        }
      }
      expect(caught).toHaveLength(1);
    });
  }

  it(`${CONTROL}, a control: the barrier masks it, and the workload stays linearizable`, async () => {
    for (const seed of [1, 2]) {
      const verdict = await workloadVerdict(CONTROL, seed);
      expect(verdict.kind === "checked" && verdict.verdict).toBe("ok");
    }
  });
});
