// Decoding an aws-chunked body. With `Content-Encoding: aws-chunked` an SDK sends the object as
// chunks, each `<size in hex>[;chunk-signature=...]\r\n<bytes>\r\n`, ended by a chunk of size 0 and
// trailing headers (`x-amz-checksum-crc32:...`), then an empty line. The length of the object is in
// x-amz-decoded-content-length.
import { S3Error } from "./errors.ts";

export interface DecodedBody {
  readonly data: Buffer;
  /** Trailing headers, names in lower case. */
  readonly trailers: ReadonlyMap<string, string>;
}

export function decodeAwsChunked(body: Buffer): DecodedBody {
  const chunks: Buffer[] = [];
  let at = 0;
  const line = (): string => {
    const end = body.indexOf("\r\n", at);
    if (end < 0) throw new S3Error("IncompleteBody");
    const text = body.subarray(at, end).toString("latin1");
    at = end + 2;
    return text;
  };
  for (;;) {
    const header = line();
    const size = Number.parseInt(header.split(";")[0], 16);
    if (!/^[0-9a-fA-F]+$/.test(header.split(";")[0]) || !Number.isSafeInteger(size)) {
      throw new S3Error("InvalidRequest", {}, "The aws-chunked body has a chunk header that is not a size.");
    }
    if (size === 0) break;
    if (at + size + 2 > body.length) throw new S3Error("IncompleteBody");
    chunks.push(body.subarray(at, at + size));
    at += size;
    if (body.subarray(at, at + 2).toString("latin1") !== "\r\n") {
      throw new S3Error("InvalidRequest", {}, "An aws-chunked chunk is longer than its size.");
    }
    at += 2;
  }
  const trailers = new Map<string, string>();
  while (at < body.length) {
    const text = line();
    if (text === "") break;
    const colon = text.indexOf(":");
    if (colon < 0) throw new S3Error("InvalidRequest", {}, "The aws-chunked body has a trailer that is not a header.");
    trailers.set(text.slice(0, colon).trim().toLowerCase(), text.slice(colon + 1).trim());
  }
  return { data: Buffer.concat(chunks), trailers };
}
