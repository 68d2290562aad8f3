// The object store (examples/s3) under load, through the official AWS SDK: requests per second
// from eight concurrent SDK clients over HTTP on the loopback interface, half PUTs of 1 KiB bodies
// (content-addressed on disk, then committed to the replicated journal, fsync'ed) and half GETs,
// over 32 keys. Measured without and with trace recording (every machine of the metadata layer
// writes its trace lines to a file). Each sample is a window of requests on a store started once
// per variant, after one unmeasured window.
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { TraceRecorder } from "../examples/s3/generated.ts";
import { S3Service } from "../examples/s3/service.ts";
import { s3Client } from "../examples/s3/workload.ts";
import type { Benchmark, BenchmarkOptions, Figure } from "./run.ts";

const CLIENTS = 8;
const PER_CLIENT = 40;
const KEYS = 32;
const BODY = Buffer.alloc(1024, "x");

/** Requests per second, one sample per window, on a fresh store. */
async function measure(trace: boolean, runs: number): Promise<number[]> {
  const dir = mkdtempSync(join(tmpdir(), "pith-bench-s3-"));
  const out = trace ? createWriteStream(join(dir, "trace.ndjson")) : undefined;
  const service = await S3Service.start({ dir, trace: out && new TraceRecorder((line) => out.write(line + "\n")) });
  const s3 = s3Client(await service.listen());
  const samples: number[] = [];
  try {
    await s3.send(new CreateBucketCommand({ Bucket: "bench" }));
    await Promise.all(Array.from({ length: KEYS }, (_, k) => s3.send(new PutObjectCommand({ Bucket: "bench", Key: `key-${k}`, Body: BODY }))));
    for (let window = 0; window <= runs; window++) {
      const started = performance.now();
      await Promise.all(
        Array.from({ length: CLIENTS }, async (_, c) => {
          for (let i = 0; i < PER_CLIENT; i++) {
            const Key = `key-${(c * PER_CLIENT + i) % KEYS}`;
            if (i % 2 === 0) await s3.send(new PutObjectCommand({ Bucket: "bench", Key, Body: BODY }));
            else await (await s3.send(new GetObjectCommand({ Bucket: "bench", Key }))).Body!.transformToByteArray();
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      if (window > 0) samples.push((CLIENTS * PER_CLIENT) / seconds);
    }
  } finally {
    s3.destroy();
    await service.close();
    await new Promise((resolve) => (out === undefined ? resolve(undefined) : out.end(resolve)));
    rmSync(dir, { recursive: true, force: true });
  }
  return samples;
}

export const s3Benchmark: Benchmark = {
  name: "s3",
  description: `requests/s through the AWS SDK to the object store on loopback (half 1 KiB PUTs, fsync'ed journal; half GETs), ${CLIENTS} clients`,
  async run(options: BenchmarkOptions): Promise<Figure[]> {
    const plain = await measure(false, options.runs);
    const traced = await measure(true, options.runs);
    const note = `${CLIENTS} clients x ${PER_CLIENT} requests per sample, ${KEYS} keys`;
    return [
      { name: "requests/s, no trace", unit: "requests/s", samples: plain, note },
      { name: "requests/s, trace recorded", unit: "requests/s", samples: traced },
    ];
  },
};
