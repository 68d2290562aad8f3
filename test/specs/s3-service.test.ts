// The object store of examples/s3 through the official AWS SDK, unchanged but for the endpoint and
// path-style addressing: every operation and its errors, aws-chunked uploads with trailing
// checksums, the flexible checksums the SDK sends and checks, ListObjectsV2 pagination, and raw
// HTTP for what the SDK never sends wrong (bad digests, missing lengths, unknown methods).
import { mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  paginateListObjectsV2,
} from "@aws-sdk/client-s3";
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checksum } from "../../examples/s3/checksums.ts";
import { S3Service } from "../../examples/s3/service.ts";
import { s3Client } from "../../examples/s3/workload.ts";

let dir: string;
let service: S3Service;
let s3: S3Client;
const requests: { method: string; url: string; headers: Record<string, string | string[] | undefined> }[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "s3-service-"));
  service = await S3Service.start({ dir, maxBodyBytes: 1024 * 1024, onInternalError: (e) => console.error(e) });
  const endpoint = await service.listen();
  service.http.server.on("request", (req) => requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers }));
  s3 = s3Client(endpoint);
  await s3.send(new CreateBucketCommand({ Bucket: "photos" }));
});

afterAll(async () => {
  s3.destroy();
  await service.close();
  rmSync(dir, { recursive: true, force: true });
});

const md5 = (s: string | Buffer) => `"${createHash("md5").update(s).digest("hex")}"`;

async function failure(p: Promise<unknown>): Promise<{ name: string; status: number | undefined; error: Record<string, unknown> }> {
  try {
    await p;
  } catch (error) {
    const e = error as { name: string; $metadata?: { httpStatusCode?: number } };
    return { name: e.name, status: e.$metadata?.httpStatusCode, error: error as Record<string, unknown> };
  }
  throw new Error("the request succeeded");
}

/** A request as it is, without the SDK. */
async function raw(method: string, path: string, init: { headers?: Record<string, string>; body?: string | Buffer } = {}) {
  const res = await fetch(service.endpoint + path, { method, headers: init.headers, body: init.body });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

describe("buckets", () => {
  it("creates, heads, lists and deletes buckets", async () => {
    await s3.send(new CreateBucketCommand({ Bucket: "scratch" }));
    expect((await s3.send(new HeadBucketCommand({ Bucket: "scratch" }))).$metadata.httpStatusCode).toBe(200);
    const names = (await s3.send(new ListBucketsCommand({}))).Buckets?.map((b) => b.Name);
    expect(names).toEqual(["photos", "scratch"]);
    await s3.send(new PutObjectCommand({ Bucket: "scratch", Key: "k", Body: "v" }));
    expect((await failure(s3.send(new DeleteBucketCommand({ Bucket: "scratch" })))).name).toBe("BucketNotEmpty");
    await s3.send(new DeleteObjectCommand({ Bucket: "scratch", Key: "k" }));
    await s3.send(new DeleteBucketCommand({ Bucket: "scratch" }));
    expect(await failure(s3.send(new HeadBucketCommand({ Bucket: "scratch" })))).toMatchObject({ name: "NotFound", status: 404 });
  });

  it("refuses a bucket that exists or has a bad name", async () => {
    expect(await failure(s3.send(new CreateBucketCommand({ Bucket: "photos" })))).toMatchObject({ name: "BucketAlreadyOwnedByYou", status: 409 });
    expect(await failure(s3.send(new CreateBucketCommand({ Bucket: "Bad_Name" })))).toMatchObject({ name: "InvalidBucketName", status: 400 });
  });

  it("answers NoSuchBucket for objects of a bucket that does not exist", async () => {
    const get = await failure(s3.send(new GetObjectCommand({ Bucket: "nothing", Key: "k" })));
    expect(get).toMatchObject({ name: "NoSuchBucket", status: 404 });
    expect(get.error.BucketName).toBe("nothing");
    expect((await failure(s3.send(new PutObjectCommand({ Bucket: "nothing", Key: "k", Body: "v" })))).name).toBe("NoSuchBucket");
    expect((await failure(s3.send(new ListObjectsV2Command({ Bucket: "nothing" })))).name).toBe("NoSuchBucket");
  });
});

describe("objects", () => {
  it("round-trips a body with its type, metadata, ETag, length, date and CRC32", async () => {
    const before = Date.now();
    const put = await s3.send(
      new PutObjectCommand({ Bucket: "photos", Key: "dir/cat.txt", Body: "meow", ContentType: "text/plain", CacheControl: "max-age=60", Metadata: { colour: "grey" } }),
    );
    expect(put.ETag).toBe(md5("meow"));
    expect(put.ChecksumCRC32).toBe(checksum("crc32", Buffer.from("meow")));
    const got = await s3.send(new GetObjectCommand({ Bucket: "photos", Key: "dir/cat.txt" }));
    expect(await got.Body!.transformToString()).toBe("meow");
    expect(got).toMatchObject({ ContentType: "text/plain", ContentLength: 4, ETag: md5("meow"), CacheControl: "max-age=60", Metadata: { colour: "grey" }, ChecksumCRC32: put.ChecksumCRC32 });
    expect(got.LastModified!.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(got.LastModified!.getTime()).toBeLessThanOrEqual(Date.now());
    const sent = requests.filter((r) => r.method === "PUT" && r.url.startsWith("/photos/dir/cat.txt"));
    expect(sent[0].headers["x-amz-checksum-crc32"]).toBe(put.ChecksumCRC32);
  });

  it("takes a streamed body as aws-chunked with a trailing checksum", async () => {
    const parts = [Buffer.alloc(70_000, "a"), Buffer.alloc(50_000, "b")];
    const body = Buffer.concat(parts);
    const put = await s3.send(new PutObjectCommand({ Bucket: "photos", Key: "big", Body: Readable.from(parts), ContentLength: body.length }));
    const sent = requests.filter((r) => r.method === "PUT" && r.url.startsWith("/photos/big"));
    expect(sent[0].headers["content-encoding"]).toContain("aws-chunked");
    expect(sent[0].headers["x-amz-decoded-content-length"]).toBe(String(body.length));
    expect(sent[0].headers["x-amz-trailer"]).toBe("x-amz-checksum-crc32");
    expect(put.ETag).toBe(md5(body));
    const got = await s3.send(new GetObjectCommand({ Bucket: "photos", Key: "big" }));
    expect(Buffer.from(await got.Body!.transformToByteArray()).equals(body)).toBe(true);
    expect(got.ContentEncoding).toBeUndefined();
  });

  for (const algorithm of ["CRC32C", "SHA1", "SHA256"] as const) {
    it(`stores and returns a ${algorithm} checksum`, async () => {
      const put = await s3.send(new PutObjectCommand({ Bucket: "photos", Key: `sum-${algorithm}`, Body: "summed", ChecksumAlgorithm: algorithm }));
      const expected = checksum(algorithm.toLowerCase() as "crc32c" | "sha1" | "sha256", Buffer.from("summed"));
      expect(put[`Checksum${algorithm}`]).toBe(expected);
      const got = await s3.send(new GetObjectCommand({ Bucket: "photos", Key: `sum-${algorithm}`, ChecksumMode: "ENABLED" }));
      expect(got[`Checksum${algorithm}`]).toBe(expected);
      expect(await got.Body!.transformToString()).toBe("summed");
    });
  }

  it("heads an object without a body, and answers a missing one with 404", async () => {
    await s3.send(new PutObjectCommand({ Bucket: "photos", Key: "head-me", Body: "12345", ContentType: "application/json" }));
    const head = await s3.send(new HeadObjectCommand({ Bucket: "photos", Key: "head-me" }));
    expect(head).toMatchObject({ ContentLength: 5, ContentType: "application/json", ETag: md5("12345") });
    const res = await raw("HEAD", "/photos/head-me");
    expect(res).toMatchObject({ status: 200, text: "" });
    expect(res.headers.get("content-length")).toBe("5");
    expect(await failure(s3.send(new HeadObjectCommand({ Bucket: "photos", Key: "absent" })))).toMatchObject({ name: "NotFound", status: 404 });
    expect(await raw("HEAD", "/photos/absent")).toMatchObject({ status: 404, text: "" });
  });

  it("deletes an object (and a missing one, idempotently)", async () => {
    await s3.send(new PutObjectCommand({ Bucket: "photos", Key: "gone", Body: "x" }));
    expect((await s3.send(new DeleteObjectCommand({ Bucket: "photos", Key: "gone" }))).$metadata.httpStatusCode).toBe(204);
    const get = await failure(s3.send(new GetObjectCommand({ Bucket: "photos", Key: "gone" })));
    expect(get).toMatchObject({ name: "NoSuchKey", status: 404 });
    expect(get.error.Key).toBe("gone");
    expect((await s3.send(new DeleteObjectCommand({ Bucket: "photos", Key: "never" }))).$metadata.httpStatusCode).toBe(204);
  });

  it("overwrites: the last write wins", async () => {
    for (const v of ["one", "two", "three"]) await s3.send(new PutObjectCommand({ Bucket: "photos", Key: "over", Body: v }));
    expect(await (await s3.send(new GetObjectCommand({ Bucket: "photos", Key: "over" }))).Body!.transformToString()).toBe("three");
  });

  it("serves byte ranges", async () => {
    await s3.send(new PutObjectCommand({ Bucket: "photos", Key: "digits", Body: "0123456789" }));
    const got = await s3.send(new GetObjectCommand({ Bucket: "photos", Key: "digits", Range: "bytes=2-4" }));
    expect(got.$metadata.httpStatusCode).toBe(206);
    expect(got.ContentRange).toBe("bytes 2-4/10");
    expect(await got.Body!.transformToString()).toBe("234");
    expect(await (await s3.send(new GetObjectCommand({ Bucket: "photos", Key: "digits", Range: "bytes=-3" }))).Body!.transformToString()).toBe("789");
    expect(await failure(s3.send(new GetObjectCommand({ Bucket: "photos", Key: "digits", Range: "bytes=20-30" })))).toMatchObject({ name: "InvalidRange", status: 416 });
  });

  it("keeps keys with slashes, spaces and non-ASCII letters", async () => {
    const key = "a b/ü+%/ñ.txt";
    await s3.send(new PutObjectCommand({ Bucket: "photos", Key: key, Body: "odd" }));
    expect(await (await s3.send(new GetObjectCommand({ Bucket: "photos", Key: key }))).Body!.transformToString()).toBe("odd");
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: "photos", Prefix: "a b/" }));
    expect(listed.Contents?.map((c) => c.Key)).toEqual([key]);
  });
});

describe("ListObjectsV2", () => {
  beforeAll(async () => {
    await s3.send(new CreateBucketCommand({ Bucket: "listing" }));
    const keys = [...Array.from({ length: 23 }, (_, i) => `logs/2026/${String(i).padStart(2, "0")}.log`), "logs/readme", "notes/a", "notes/b", "top"];
    await Promise.all(keys.map((k) => s3.send(new PutObjectCommand({ Bucket: "listing", Key: k, Body: k }))));
  });

  it("pages through every key in order with max-keys and continuation tokens", async () => {
    const pages: string[][] = [];
    for await (const page of paginateListObjectsV2({ client: s3, pageSize: 7 }, { Bucket: "listing" })) {
      pages.push((page.Contents ?? []).map((c) => c.Key!));
      expect(page.KeyCount).toBe(pages[pages.length - 1].length);
    }
    expect(pages.map((p) => p.length)).toEqual([7, 7, 7, 6]);
    const all = pages.flat();
    expect(all).toEqual([...all].sort());
    expect(all[0]).toBe("logs/2026/00.log");
    expect(all.slice(-4)).toEqual(["logs/readme", "notes/a", "notes/b", "top"]);
  });

  it("filters by prefix, rolls up by delimiter, starts after a key", async () => {
    const top = await s3.send(new ListObjectsV2Command({ Bucket: "listing", Delimiter: "/" }));
    expect(top.CommonPrefixes?.map((p) => p.Prefix)).toEqual(["logs/", "notes/"]);
    expect(top.Contents?.map((c) => c.Key)).toEqual(["top"]);
    expect(top.KeyCount).toBe(3);
    const logs = await s3.send(new ListObjectsV2Command({ Bucket: "listing", Prefix: "logs/", Delimiter: "/" }));
    expect(logs.CommonPrefixes?.map((p) => p.Prefix)).toEqual(["logs/2026/"]);
    expect(logs.Contents?.map((c) => c.Key)).toEqual(["logs/readme"]);
    const after = await s3.send(new ListObjectsV2Command({ Bucket: "listing", StartAfter: "notes/a" }));
    expect(after.Contents?.map((c) => c.Key)).toEqual(["notes/b", "top"]);
    const object = (await s3.send(new ListObjectsV2Command({ Bucket: "listing", Prefix: "top" }))).Contents![0];
    expect(object).toMatchObject({ Key: "top", Size: 3, ETag: md5("top"), StorageClass: "STANDARD" });
  });

  it("pages common prefixes too, one entry each", async () => {
    const first = await s3.send(new ListObjectsV2Command({ Bucket: "listing", Delimiter: "/", MaxKeys: 2 }));
    expect(first.CommonPrefixes?.map((p) => p.Prefix)).toEqual(["logs/", "notes/"]);
    expect(first.IsTruncated).toBe(true);
    const second = await s3.send(new ListObjectsV2Command({ Bucket: "listing", Delimiter: "/", MaxKeys: 2, ContinuationToken: first.NextContinuationToken }));
    expect(second.Contents?.map((c) => c.Key)).toEqual(["top"]);
    expect(second.CommonPrefixes).toBeUndefined();
    expect(second.IsTruncated).toBe(false);
  });

  it("rejects a bad max-keys or continuation token with InvalidArgument", async () => {
    const bad = await raw("GET", "/listing?list-type=2&max-keys=many");
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("<Code>InvalidArgument</Code>");
    expect(bad.text).toContain("<ArgumentName>max-keys</ArgumentName>");
    const token = await failure(s3.send(new ListObjectsV2Command({ Bucket: "listing", ContinuationToken: "garbage" })));
    expect(token).toMatchObject({ name: "InvalidArgument", status: 400 });
  });
});

describe("errors over raw HTTP", () => {
  it("answers a wrong checksum or Content-MD5 with BadDigest, a malformed one with InvalidDigest", async () => {
    const wrongCrc = await raw("PUT", "/photos/bad", { body: "data", headers: { "x-amz-checksum-crc32": checksum("crc32", Buffer.from("other")) } });
    expect(wrongCrc.status).toBe(400);
    expect(wrongCrc.text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<Error><Code>BadDigest<\/Code><Message>The CRC32 you specified did not match the calculated checksum.<\/Message>/);
    const wrongMd5 = await raw("PUT", "/photos/bad", { body: "data", headers: { "content-md5": createHash("md5").update("other").digest("base64") } });
    expect(wrongMd5.text).toContain("<Code>BadDigest</Code>");
    const malformed = await raw("PUT", "/photos/bad", { body: "data", headers: { "content-md5": "nope" } });
    expect(malformed).toMatchObject({ status: 400 });
    expect(malformed.text).toContain("<Code>InvalidDigest</Code>");
    expect(await failure(s3.send(new HeadObjectCommand({ Bucket: "photos", Key: "bad" })))).toMatchObject({ status: 404 });
  });

  it("answers an aws-chunked body whose trailer does not match with BadDigest", async () => {
    const body = "5\r\nhello\r\n0\r\nx-amz-checksum-crc32:" + checksum("crc32", Buffer.from("HELLO")) + "\r\n\r\n";
    const res = await raw("PUT", "/photos/chunked", {
      body,
      headers: { "content-encoding": "aws-chunked", "x-amz-decoded-content-length": "5", "x-amz-trailer": "x-amz-checksum-crc32" },
    });
    expect(res.status).toBe(400);
    expect(res.text).toContain("<Code>BadDigest</Code>");
    const good = body.replace(checksum("crc32", Buffer.from("HELLO")), checksum("crc32", Buffer.from("hello")));
    const ok = await raw("PUT", "/photos/chunked", { body: good, headers: { "content-encoding": "aws-chunked", "x-amz-decoded-content-length": "5" } });
    expect(ok.status).toBe(200);
    const short = await raw("PUT", "/photos/chunked", { body: good, headers: { "content-encoding": "aws-chunked", "x-amz-decoded-content-length": "6" } });
    expect(short.text).toContain("<Code>IncompleteBody</Code>");
  });

  it("answers an unknown method with MethodNotAllowed and a subresource with NotImplemented", async () => {
    const post = await raw("POST", "/photos/k", { body: "x" });
    expect(post.status).toBe(405);
    expect(post.text).toContain("<Code>MethodNotAllowed</Code><Message>The specified method is not allowed against this resource.</Message><Method>POST</Method><ResourceType>OBJECT</ResourceType>");
    expect(post.headers.get("x-amz-request-id")).toMatch(/^[0-9A-F]{16}$/);
    const tagging = await raw("GET", "/photos/k?tagging");
    expect(tagging.status).toBe(501);
    expect(tagging.text).toContain("<Code>NotImplemented</Code>");
  });

  it("answers a PUT without a length with MissingContentLength", async () => {
    const reply = await new Promise<string>((resolve, reject) => {
      const url = new URL(service.endpoint);
      const socket = connect(Number(url.port), url.hostname, () => socket.end("PUT /photos/nolength HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
      let text = "";
      socket.on("data", (d) => (text += d));
      socket.on("end", () => resolve(text));
      socket.on("error", reject);
    });
    expect(reply).toMatch(/^HTTP\/1.1 411/);
    expect(reply).toContain("<Code>MissingContentLength</Code>");
  });

  it("answers a body over the limit with EntityTooLarge and a long key with KeyTooLongError", async () => {
    expect(await failure(s3.send(new PutObjectCommand({ Bucket: "photos", Key: "huge", Body: Buffer.alloc(1024 * 1024 + 1) })))).toMatchObject({ name: "EntityTooLarge", status: 400 });
    expect(await failure(s3.send(new PutObjectCommand({ Bucket: "photos", Key: "k".repeat(1025), Body: "x" })))).toMatchObject({ name: "KeyTooLongError", status: 400 });
  });
});

describe("the command line", () => {
  it("serves a folder until interrupted, and serves what it holds again", async () => {
    const { spawn } = await import("node:child_process");
    const folder = join(dir, "cli");
    const serve = async (args: string[], act: (endpoint: string) => Promise<void>) => {
      const child = spawn(process.execPath, ["examples/s3/cli.ts", "serve", "--dir", folder, ...args], { cwd: join(import.meta.dirname, "..", "..") });
      let out = "";
      child.stdout.on("data", (d) => (out += d));
      const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
      while (!/serving S3 on (\S+)/.test(out)) {
        if (child.exitCode !== null) throw new Error(`the command stopped: ${out}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      const endpoint = /serving S3 on (\S+)/.exec(out)![1];
      try {
        await act(endpoint);
      } finally {
        child.kill("SIGINT");
      }
      expect(await exited).toBe(0);
      expect(out).toContain("stopped\n");
    };
    await serve(["--bucket", "cli"], async (endpoint) => {
      const client = s3Client(endpoint);
      await client.send(new PutObjectCommand({ Bucket: "cli", Key: "k", Body: "kept" }));
      client.destroy();
    });
    await serve([], async (endpoint) => {
      const client = s3Client(endpoint);
      expect(await (await client.send(new GetObjectCommand({ Bucket: "cli", Key: "k" }))).Body!.transformToString()).toBe("kept");
      client.destroy();
    });
  });
});
