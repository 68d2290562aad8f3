// The S3 operations the store serves, on requests already parsed from HTTP (http.ts does that):
// path-style bucket and key, query, headers, the whole body. Each operation returns the status,
// headers and body S3 would send, or throws the S3Error S3 would return.
//
// Service: ListBuckets. Buckets: CreateBucket, HeadBucket, DeleteBucket, ListObjectsV2. Objects:
// PutObject (aws-chunked bodies, Content-MD5, x-amz-checksum-* in headers or trailers), GetObject
// (ranges, checksums with x-amz-checksum-mode), HeadObject, DeleteObject. Subresources (?acl,
// ?tagging, ?uploads, ...) and copies are NotImplemented.
import type { IncomingHttpHeaders } from "node:http";
import type { BlobStore } from "./blobs.ts";
import { decodeAwsChunked } from "./chunked.ts";
import { CHECKSUM_ALGORITHMS, checksum, isChecksumAlgorithm, md5, type ChecksumAlgorithm } from "./checksums.ts";
import { S3Error } from "./errors.ts";
import { listPage, type ListedObject } from "./list.ts";
import type { Found, MetadataStore } from "./metadata.ts";
import { bucketKey, objectKey, type ObjectMeta } from "./records.ts";
import { el, xmlDocument } from "./xml.ts";

export interface S3Request {
  readonly method: string;
  /** Empty for the service itself. */
  readonly bucket: string;
  /** Empty for a bucket. */
  readonly key: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

export interface S3Response {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: Buffer | string;
}

export interface ObjectStore {
  readonly metadata: MetadataStore;
  readonly blobs: BlobStore;
}

const SUBRESOURCES = ["acl", "tagging", "uploads", "uploadId", "versioning", "versions", "policy", "cors", "lifecycle", "website", "location", "object-lock", "retention", "legal-hold", "encryption", "replication", "logging", "notification", "delete", "restore", "select", "attributes"];

const STORED_HEADERS = ["cache-control", "content-disposition", "content-language", "expires"];

const XML = { "content-type": "application/xml" };

export async function handle(store: ObjectStore, req: S3Request): Promise<S3Response> {
  const resource = req.bucket === "" ? "SERVICE" : req.key === "" ? "BUCKET" : "OBJECT";
  const sub = SUBRESOURCES.find((s) => req.query.has(s));
  if (sub !== undefined) throw new S3Error("NotImplemented", { Resource: sub });
  if (req.headers["x-amz-copy-source"] !== undefined) throw new S3Error("NotImplemented", { Header: "x-amz-copy-source" });
  const md = store.metadata;
  switch (`${req.method} ${resource}`) {
    case "GET SERVICE":
      return listBuckets(md);
    case "PUT BUCKET":
      return createBucket(md, checkBucketName(req.bucket));
    case "HEAD BUCKET":
      await requireBucket(md, req.bucket);
      return { status: 200, headers: { "x-amz-bucket-region": "us-east-1" } };
    case "DELETE BUCKET":
      return deleteBucket(md, req.bucket);
    case "GET BUCKET":
      return listObjects(md, req);
    case "PUT OBJECT":
      return putObject(store, req);
    case "GET OBJECT":
    case "HEAD OBJECT":
      return getObject(store, req);
    case "DELETE OBJECT":
      checkKey(req.key);
      await requireBucket(md, req.bucket);
      await md.delete(objectKey(req.bucket, req.key));
      return { status: 204, headers: {} };
    default:
      throw new S3Error("MethodNotAllowed", { Method: req.method, ResourceType: resource });
  }
}

/** A header that occurs once (node:http joins repeated ones, except set-cookie). */
function header(req: S3Request, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

function checkBucketName(name: string): string {
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name) || name.includes("..") || /^\d+\.\d+\.\d+\.\d+$/.test(name)) {
    throw new S3Error("InvalidBucketName", { BucketName: name });
  }
  return name;
}

function checkKey(key: string): void {
  if (Buffer.byteLength(key) > 1024) throw new S3Error("KeyTooLongError", { Size: String(Buffer.byteLength(key)), MaxSizeAllowed: "1024" });
}

/** Throws NoSuchBucket unless `bucket` exists. */
async function requireBucket(md: MetadataStore, bucket: string): Promise<void> {
  if ((await md.get(bucketKey(bucket))).version.deleted) throw new S3Error("NoSuchBucket", { BucketName: bucket });
}

/** The objects of `bucket` in a LIST of the whole store, by key. */
function objectsOf(all: ReadonlyMap<string, Found>, bucket: string): Map<string, ListedObject> {
  const prefix = objectKey(bucket, "");
  const objects = new Map<string, ListedObject>();
  for (const [name, found] of all) {
    if (name.startsWith(prefix) && found.meta !== undefined) objects.set(name.slice(prefix.length), { seq: found.version.seqNo, meta: found.meta });
  }
  return objects;
}

async function listBuckets(md: MetadataStore): Promise<S3Response> {
  const buckets = [...(await md.list())].filter(([name, found]) => !name.includes("/") && found.meta !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
  const doc = el(
    "ListAllMyBucketsResult",
    el("Owner", el("ID", "pith"), el("DisplayName", "pith")),
    el("Buckets", ...buckets.map(([name, b]) => el("Bucket", el("Name", name), el("CreationDate", new Date(b.meta!.lastModified).toISOString())))),
  );
  return { status: 200, headers: XML, body: xmlDocument(doc) };
}

async function createBucket(md: MetadataStore, bucket: string): Promise<S3Response> {
  // A LIST, not a GET: a bucket is looked up before it exists only here, and this way no cache
  // holds its absence.
  if ((await md.list()).has(bucketKey(bucket))) throw new S3Error("BucketAlreadyOwnedByYou", { BucketName: bucket });
  const marker: ObjectMeta = { etag: "", size: 0, lastModified: Date.now(), contentType: "", blob: "", checksums: {}, headers: {}, userMeta: {} };
  await md.put(bucketKey(bucket), marker);
  return { status: 200, headers: { location: `/${bucket}` } };
}

async function deleteBucket(md: MetadataStore, bucket: string): Promise<S3Response> {
  await requireBucket(md, bucket);
  if (objectsOf(await md.list(), bucket).size > 0) throw new S3Error("BucketNotEmpty", { BucketName: bucket });
  await md.delete(bucketKey(bucket));
  return { status: 204, headers: {} };
}

function intParam(query: URLSearchParams, name: string, fallback: number): number {
  const text = query.get(name);
  if (text === null) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value)) {
    throw new S3Error("InvalidArgument", { ArgumentName: name, ArgumentValue: text }, `Provided ${name} not an integer or within integer range`);
  }
  return value;
}

async function listObjects(md: MetadataStore, req: S3Request): Promise<S3Response> {
  const q = req.query;
  if (q.get("list-type") !== "2") throw new S3Error("NotImplemented", { Resource: "ListObjects (version 1)" }, "Only ListObjectsV2 (list-type=2) is implemented.");
  const encoding = q.get("encoding-type");
  if (encoding !== null && encoding !== "url") throw new S3Error("InvalidArgument", { ArgumentName: "encoding-type", ArgumentValue: encoding }, "Invalid Encoding Method specified in Request");
  const query = {
    prefix: q.get("prefix") ?? "",
    delimiter: q.get("delimiter") ?? "",
    maxKeys: Math.min(intParam(q, "max-keys", 1000), 1000),
    continuationToken: q.get("continuation-token") ?? undefined,
    startAfter: q.get("start-after") ?? "",
  };
  await requireBucket(md, req.bucket);
  const page = listPage(objectsOf(await md.list(), req.bucket), query);
  const enc = (s: string) => (encoding === "url" ? encodeURIComponent(s) : s);
  const optional = (name: string, value: string) => (value === "" ? undefined : el(name, enc(value)));
  const doc = el(
    "ListBucketResult",
    el("Name", req.bucket),
    el("Prefix", enc(query.prefix)),
    optional("Delimiter", query.delimiter),
    optional("StartAfter", query.startAfter),
    el("MaxKeys", query.maxKeys),
    el("KeyCount", page.contents.length + page.commonPrefixes.length),
    el("IsTruncated", page.isTruncated),
    query.continuationToken === undefined ? undefined : el("ContinuationToken", query.continuationToken),
    page.nextContinuationToken === undefined ? undefined : el("NextContinuationToken", page.nextContinuationToken),
    encoding === null ? undefined : el("EncodingType", encoding),
    ...page.contents.map(({ key, object }) =>
      el("Contents", el("Key", enc(key)), el("LastModified", new Date(object.meta.lastModified).toISOString()), el("ETag", object.meta.etag), el("Size", object.meta.size), el("StorageClass", "STANDARD")),
    ),
    ...page.commonPrefixes.map((p) => el("CommonPrefixes", el("Prefix", enc(p)))),
  );
  return { status: 200, headers: XML, body: xmlDocument(doc) };
}

/** The object's bytes: the body, or what an aws-chunked body decodes to, with its trailers. */
function objectBody(req: S3Request): { data: Buffer; trailers: ReadonlyMap<string, string>; encoding: string[] } {
  const encoding = (header(req, "content-encoding") ?? "").split(",").map((s) => s.trim()).filter((s) => s !== "");
  if (!encoding.includes("aws-chunked")) return { data: req.body, trailers: new Map(), encoding };
  const decoded = decodeAwsChunked(req.body);
  const declared = header(req, "x-amz-decoded-content-length");
  if (declared === undefined) throw new S3Error("MissingContentLength", {}, "You must provide x-amz-decoded-content-length with aws-chunked bodies.");
  if (Number(declared) !== decoded.data.length) throw new S3Error("IncompleteBody");
  return { ...decoded, encoding: encoding.filter((e) => e !== "aws-chunked") };
}

/** Checks the checksums the request gives (headers or trailers); returns those to keep. */
function verifyChecksums(req: S3Request, data: Buffer, trailers: ReadonlyMap<string, string>): Partial<Record<ChecksumAlgorithm, string>> {
  const asked = header(req, "x-amz-sdk-checksum-algorithm");
  if (asked !== undefined && !isChecksumAlgorithm(asked.toLowerCase())) {
    throw new S3Error("InvalidRequest", {}, `Checksum algorithm ${asked} is not supported.`);
  }
  const md5Header = header(req, "content-md5");
  if (md5Header !== undefined) {
    const given = Buffer.from(md5Header, "base64");
    if (given.length !== 16) throw new S3Error("InvalidDigest", { "Content-MD5": md5Header });
    if (!given.equals(md5(data))) throw new S3Error("BadDigest", { ExpectedDigest: md5Header });
  }
  const kept: Partial<Record<ChecksumAlgorithm, string>> = {};
  for (const alg of CHECKSUM_ALGORITHMS) {
    const given = header(req, `x-amz-checksum-${alg}`) ?? trailers.get(`x-amz-checksum-${alg}`);
    if (given === undefined) continue;
    if (given !== checksum(alg, data)) throw new S3Error("BadDigest", {}, `The ${alg.toUpperCase()} you specified did not match the calculated checksum.`);
    kept[alg] = given;
  }
  if (Object.keys(kept).length === 0) kept.crc32 = checksum("crc32", data);
  return kept;
}

async function putObject(store: ObjectStore, req: S3Request): Promise<S3Response> {
  checkKey(req.key);
  await requireBucket(store.metadata, req.bucket);
  const { data, trailers, encoding } = objectBody(req);
  const checksums = verifyChecksums(req, data, trailers);
  const headers: Record<string, string> = {};
  for (const name of STORED_HEADERS) {
    const value = header(req, name);
    if (value !== undefined) headers[name] = value;
  }
  if (encoding.length > 0) headers["content-encoding"] = encoding.join(",");
  const userMeta: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (name.startsWith("x-amz-meta-") && typeof value === "string") userMeta[name.slice("x-amz-meta-".length)] = value;
  }
  const meta: ObjectMeta = {
    etag: `"${md5(data).toString("hex")}"`,
    size: data.length,
    lastModified: Date.now(),
    contentType: header(req, "content-type") ?? "binary/octet-stream",
    blob: await store.blobs.put(data),
    checksums,
    headers,
    userMeta,
  };
  await store.metadata.put(objectKey(req.bucket, req.key), meta);
  const echoed = Object.fromEntries(Object.entries(checksums).map(([alg, value]) => [`x-amz-checksum-${alg}`, value]));
  return { status: 200, headers: { etag: meta.etag, ...echoed } };
}

async function getObject(store: ObjectStore, req: S3Request): Promise<S3Response> {
  checkKey(req.key);
  await requireBucket(store.metadata, req.bucket);
  const { meta } = await store.metadata.get(objectKey(req.bucket, req.key));
  if (meta === undefined) throw new S3Error("NoSuchKey", { Key: req.key });
  const headers: Record<string, string> = {
    "content-type": meta.contentType,
    etag: meta.etag,
    "last-modified": new Date(meta.lastModified).toUTCString(),
    "accept-ranges": "bytes",
    ...meta.headers,
  };
  for (const [name, value] of Object.entries(meta.userMeta)) headers[`x-amz-meta-${name}`] = value;
  const range = parseRange(header(req, "range"), meta.size);
  if (range === undefined && header(req, "x-amz-checksum-mode")?.toUpperCase() === "ENABLED") {
    for (const [alg, value] of Object.entries(meta.checksums)) headers[`x-amz-checksum-${alg}`] = value;
    headers["x-amz-checksum-type"] = "FULL_OBJECT";
  }
  if (range !== undefined) headers["content-range"] = `bytes ${range.start}-${range.end}/${meta.size}`;
  const length = range === undefined ? meta.size : range.end - range.start + 1;
  headers["content-length"] = String(length);
  if (req.method === "HEAD") return { status: range === undefined ? 200 : 206, headers };
  const data = await store.blobs.get(meta.blob);
  return { status: range === undefined ? 200 : 206, headers, body: range === undefined ? data : data.subarray(range.start, range.end + 1) };
}

/** A single byte range (`bytes=a-b`, `bytes=a-`, `bytes=-n`); undefined for none or one S3 ignores. */
function parseRange(header: string | undefined, size: number): { start: number; end: number } | undefined {
  const m = header === undefined ? null : /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (m === null || (m[1] === "" && m[2] === "")) return undefined;
  let start: number;
  let end: number;
  if (m[1] === "") {
    start = Math.max(size - Number(m[2]), 0);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
    if (m[2] !== "" && Number(m[2]) < start) return undefined;
  }
  if (start >= size || (m[1] === "" && Number(m[2]) === 0)) {
    throw new S3Error("InvalidRange", { RangeRequested: header!, ActualObjectSize: String(size) });
  }
  return { start, end };
}
