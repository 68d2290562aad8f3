// Histories of concurrent SDK clients of the object store, under faults (cache partitions failing,
// witness replicas crashing and recovering, journal nodes crashing), checked for linearizability
// per key, LISTs included (src/history, the `kv` model).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateBucketCommand, GetObjectCommand } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { checkHistory } from "../../src/history/check.ts";
import type { KvOperations } from "../../src/history/format.ts";
import { kvModel } from "../../src/history/models/kv.ts";
import { HistoryRecorder } from "../../src/history/recorder.ts";
import { S3Service } from "../../examples/s3/service.ts";
import { RecordingClient, runWorkload, s3Client } from "../../examples/s3/workload.ts";

async function withService<T>(seed: number, run: (service: S3Service) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), "s3-history-"));
  const service = await S3Service.start({ dir, seed, onInternalError: (e) => console.error(e) });
  try {
    await service.listen();
    const s3 = s3Client(service.endpoint);
    await s3.send(new CreateBucketCommand({ Bucket: "history" }));
    s3.destroy();
    return await run(service);
  } finally {
    await service.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("client histories of the object store", () => {
  for (const seed of [1, 2]) {
    it(`are linearizable with four concurrent clients under faults (seed ${seed})`, async () => {
      await withService(seed, async (service) => {
        const history = new HistoryRecorder<KvOperations>();
        const run = await runWorkload(service, history, { bucket: "history", clients: 4, opsPerClient: 30, keys: 3, seed });
        expect(run.operations).toBe(120);
        expect(run.faults.length).toBeGreaterThan(2);
        const verdict = checkHistory(history.events, kvModel);
        if (verdict.kind !== "checked") throw new Error(JSON.stringify(verdict.problems));
        expect(verdict.failure?.explanation).toBeUndefined();
        expect(verdict.verdict).toBe("ok");
        expect(verdict.operations.ok).toBeGreaterThan(100);
      });
    });
  }

  it("stay linearizable for reads that fall back to the index when every witness is recovering", async () => {
    await withService(4, async (service) => {
      const history = new HistoryRecorder<KvOperations>();
      const s3 = s3Client(service.endpoint);
      const client = new RecordingClient(s3, "history", history, "client-1");
      try {
        await client.put("k", "v1");
        expect(await client.get("k")).toBe("v1");
        service.holdRebuilds();
        for (let i = 0; i < 3; i++) service.failWitness(i);
        await client.put("k", "v2");
        expect(service.layer.witnesses.map((w) => w.state)).toEqual(["Recovering", "Recovering", "Recovering"]);
        for (let i = 0; i < 4; i++) expect(await client.get("k")).toBe("v2");
        expect(await client.list("")).toEqual(["k"]);
        service.releaseRebuilds();
        await client.get("k");
        expect(service.layer.witnesses.map((w) => w.state)).toEqual(["Serving", "Serving", "Serving"]);
        expect(await client.get("k")).toBe("v2");
      } finally {
        s3.destroy();
      }
      const verdict = checkHistory(history.events, kvModel);
      expect(verdict.kind === "checked" && verdict.verdict).toBe("ok");
    });
  });

  it("keep every acknowledged write when journal nodes crash, and after a restart of the whole store", async () => {
    const dir = mkdtempSync(join(tmpdir(), "s3-restart-"));
    try {
      let service = await S3Service.start({ dir, seed: 5 });
      await service.listen();
      let s3 = s3Client(service.endpoint);
      const history = new HistoryRecorder<KvOperations>();
      await s3.send(new CreateBucketCommand({ Bucket: "history" }));
      const client = new RecordingClient(s3, "history", history, "client-1");
      await client.put("a", "1");
      await service.crashJournalNode(0);
      await client.put("b", "2");
      await service.crashJournalNode(2);
      expect(service.journal.liveNodes).toBe(1);
      await client.put("a", "3");
      s3.destroy();
      await service.close();
      service = await S3Service.start({ dir, seed: 6 });
      await service.listen();
      s3 = s3Client(service.endpoint);
      try {
        const again = new RecordingClient(s3, "history", history, "client-2");
        expect(await again.get("a")).toBe("3");
        expect(await again.get("b")).toBe("2");
        expect((await again.list("")).sort()).toEqual(["a", "b"]);
        const got = await s3.send(new GetObjectCommand({ Bucket: "history", Key: "b" }));
        expect(got.ETag).toBe('"c81e728d9d4c2f636f067f89cc14862c"');
      } finally {
        s3.destroy();
        await service.close();
      }
      const verdict = checkHistory(history.events, kvModel);
      expect(verdict.kind === "checked" && verdict.verdict).toBe("ok");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
