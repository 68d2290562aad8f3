// What the metadata layer's machines pass around is what the model has: keys and values are
// integers, a version is (seqNo, value, deleted). The catalog gives them their meaning in the
// store: a key's integer stands for its name ("bucket/key" for an object, "bucket" for a bucket's
// marker), and a value's integer (the request id of the write that made it) for the object's
// metadata. The journal's records carry both, so the catalog is rebuilt from the journal.
import type { ChecksumAlgorithm } from "./checksums.ts";

/** An object's metadata (a bucket's marker has only its date). */
export interface ObjectMeta {
  /** The quoted hex MD5 of the body. */
  readonly etag: string;
  readonly size: number;
  /** Milliseconds since the epoch. */
  readonly lastModified: number;
  readonly contentType: string;
  /** The body's file in the blob store. */
  readonly blob: string;
  readonly checksums: Readonly<Partial<Record<ChecksumAlgorithm, string>>>;
  /** Standard headers stored with the object (cache-control, content-disposition, ...). */
  readonly headers: Readonly<Record<string, string>>;
  /** x-amz-meta-* headers, names without the prefix. */
  readonly userMeta: Readonly<Record<string, string>>;
}

/** A journal entry's data: a write, with the names behind its integers. */
export interface JournalRecord {
  readonly key: string;
  readonly value: number;
  readonly deleted: boolean;
  readonly meta?: ObjectMeta;
}

export interface Committed {
  readonly seq: number;
  readonly record: JournalRecord;
}

/** The key of an object. */
export function objectKey(bucket: string, key: string): string {
  return `${bucket}/${key}`;
}

/** The key of a bucket's marker (no slash: no object's key is one). */
export function bucketKey(bucket: string): string {
  return bucket;
}

export class Catalog {
  readonly #ids = new Map<string, number>();
  readonly #names: string[] = [];
  readonly #metas = new Map<number, ObjectMeta>();
  #lastValue = 0;

  /** The integer of key `name` (a new one, the next, for a name not seen before). */
  keyId(name: string): number {
    let id = this.#ids.get(name);
    if (id === undefined) {
      id = this.#names.length;
      this.#ids.set(name, id);
      this.#names.push(name);
    }
    return id;
  }

  keyName(id: number): string {
    const name = this.#names[id];
    if (name === undefined) throw new Error(`no key ${id}`);
    return name;
  }

  /** A number never used before (request ids and values share them), standing for `meta` if given. */
  newValue(meta: ObjectMeta | undefined): number {
    this.#lastValue++;
    if (meta !== undefined) this.#metas.set(this.#lastValue, meta);
    return this.#lastValue;
  }

  meta(value: number): ObjectMeta | undefined {
    return this.#metas.get(value);
  }

  /** Learns the names and metadata of a record read back from the journal. */
  learn(record: JournalRecord): void {
    this.keyId(record.key);
    this.#lastValue = Math.max(this.#lastValue, record.value);
    if (record.meta !== undefined) this.#metas.set(record.value, record.meta);
  }

  /** The record of a write of `value` (0 and deleted for a DELETE) to key `key`. */
  record(key: number, value: number, deleted: boolean): JournalRecord {
    const meta = this.#metas.get(value);
    return meta === undefined ? { key: this.keyName(key), value, deleted } : { key: this.keyName(key), value, deleted, meta };
  }
}
