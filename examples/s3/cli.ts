// The object store's command line.
//
//   node examples/s3/cli.ts serve [--port N] [--dir DIR] [--bucket NAME]... [--seed N] [--bug NAME] [--trace FILE]
//       serves the S3 API on http://127.0.0.1:PORT (path-style; any credentials) until interrupted.
//       The store keeps its journal and object bodies in DIR (a new temporary folder by default;
//       an existing one is opened again with what it holds). --bucket creates buckets at start;
//       --trace records the metadata layer's trace for `pith conform`.
import { createWriteStream, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { CreateBucketCommand } from "@aws-sdk/client-s3";
import { BUGS, isBug } from "./bugs.ts";
import { TraceRecorder } from "./generated.ts";
import { S3Service } from "./service.ts";
import { s3Client } from "./workload.ts";

async function serve(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: "string", default: "0" },
      dir: { type: "string" },
      bucket: { type: "string", multiple: true, default: [] },
      seed: { type: "string", default: "1" },
      bug: { type: "string" },
      trace: { type: "string" },
    },
  });
  const port = Number(values.port);
  const seed = Number(values.seed);
  if (!Number.isInteger(port) || port < 0 || port > 65535 || !Number.isInteger(seed)) {
    process.stderr.write("serve: --port and --seed take whole numbers (a port from 0 to 65535)\n");
    return 2;
  }
  if (values.bug !== undefined && !isBug(values.bug)) {
    process.stderr.write(`serve: no bug '${values.bug}' (the bugs: ${BUGS.join(", ")})\n`);
    return 2;
  }
  const dir = values.dir ?? mkdtempSync(join(tmpdir(), "s3-"));
  const out = values.trace === undefined ? undefined : createWriteStream(values.trace);
  const service = await S3Service.start({
    dir,
    seed,
    bug: values.bug as never,
    trace: out && new TraceRecorder((line) => out.write(line + "\n")),
    onInternalError: (error) => process.stderr.write(`internal error: ${String(error)}\n`),
  });
  const endpoint = await service.listen(port);
  const s3 = s3Client(endpoint);
  for (const Bucket of values.bucket) {
    await s3.send(new CreateBucketCommand({ Bucket })).catch((error: unknown) => process.stderr.write(`bucket ${Bucket}: ${String(error)}\n`));
  }
  s3.destroy();
  process.stdout.write(`serving S3 on ${endpoint} (path-style, any credentials); data in ${dir}\n`);
  process.stdout.write(`try: aws --endpoint-url ${endpoint} s3 ls   (Ctrl-C stops)\n`);
  await new Promise<void>((resolve) => process.once("SIGINT", () => resolve()));
  await service.close();
  await new Promise((resolve) => (out === undefined ? resolve(undefined) : out.end(resolve)));
  process.stdout.write("stopped\n");
  return 0;
}

const [command, ...rest] = process.argv.slice(2);
if (command !== "serve") {
  process.stderr.write("usage: cli.ts serve [--port N] [--dir DIR] [--bucket NAME]... [--seed N] [--bug NAME] [--trace FILE]\n");
  process.exitCode = 2;
} else {
  process.exitCode = await serve(rest).catch((error: unknown) => {
    // parseArgs refuses unknown options and missing values with a message worth showing as it is.
    process.stderr.write(`serve: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  });
}
