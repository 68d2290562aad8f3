// ListObjectsV2's page: keys in order after the continuation token (or start-after), under a
// prefix, with keys that share a part up to the delimiter rolled up into one common prefix, at most
// max-keys entries (keys and common prefixes together). The continuation token is opaque to
// clients: the last key or common prefix of the page, encoded.
import { S3Error } from "./errors.ts";
import type { ObjectMeta } from "./records.ts";

/** An object as a LIST shows it: its metadata and the sequence number of the write that made it. */
export interface ListedObject {
  readonly seq: number;
  readonly meta: ObjectMeta;
}

export interface ListQuery {
  readonly prefix: string;
  readonly delimiter: string;
  readonly maxKeys: number;
  readonly continuationToken?: string;
  readonly startAfter: string;
}

export interface ListPage {
  readonly contents: readonly { readonly key: string; readonly object: ListedObject }[];
  readonly commonPrefixes: readonly string[];
  readonly isTruncated: boolean;
  readonly nextContinuationToken?: string;
}

interface Token {
  /** The last key or common prefix returned. */
  readonly after: string;
  /** Whether `after` is a common prefix: every key under it was rolled into it. */
  readonly rolled: boolean;
}

function encodeToken(token: Token): string {
  return Buffer.from(JSON.stringify(token)).toString("base64url");
}

function decodeToken(text: string): Token {
  try {
    const t = JSON.parse(Buffer.from(text, "base64url").toString()) as Token;
    if (typeof t.after === "string" && typeof t.rolled === "boolean") return t;
  } catch {
    // reported below
  }
  throw new S3Error("InvalidArgument", { ArgumentName: "continuation-token", ArgumentValue: text }, "The continuation token provided is incorrect");
}

export function listPage(objects: ReadonlyMap<string, ListedObject>, q: ListQuery): ListPage {
  const token = q.continuationToken === undefined ? { after: q.startAfter, rolled: false } : decodeToken(q.continuationToken);
  if (q.maxKeys === 0) return { contents: [], commonPrefixes: [], isTruncated: false };
  const keys = [...objects.keys()].filter((k) => k.startsWith(q.prefix) && compareKeys(k, token.after) > 0 && !(token.rolled && k.startsWith(token.after)));
  keys.sort(compareKeys);
  const contents: ListPage["contents"][number][] = [];
  const commonPrefixes: string[] = [];
  let last: Token | undefined;
  for (const key of keys) {
    const at = q.delimiter === "" ? -1 : key.indexOf(q.delimiter, q.prefix.length);
    const rolled = at >= 0 ? key.slice(0, at + q.delimiter.length) : undefined;
    if (rolled !== undefined && rolled === commonPrefixes[commonPrefixes.length - 1]) continue;
    if (contents.length + commonPrefixes.length >= q.maxKeys) {
      return { contents, commonPrefixes, isTruncated: true, nextContinuationToken: last && encodeToken(last) };
    }
    if (rolled !== undefined) {
      commonPrefixes.push(rolled);
      last = { after: rolled, rolled: true };
    } else {
      contents.push({ key, object: objects.get(key)! });
      last = { after: key, rolled: false };
    }
  }
  return { contents, commonPrefixes, isTruncated: false };
}

/** S3 lists keys in the order of their UTF-8 bytes. */
function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}
