// The persistent log of a journal node: an append-only file of records, each made durable (fsync)
// before the node passes its entry on. A record is a header, the length of its body and a CRC-32
// of it, followed by the body, the entry as JSON:
//
//   [u32 length, big-endian][u32 crc32 of the body][body: length bytes]
//
// A crash can leave the last record cut short, or its bytes not all written (a torn write). Opening
// the log reads every record that is whole and whose checksum matches, and cuts the file after the
// last one: what came after was never made durable, so no node forwarded it and no client was
// told it is in the journal.
import { open, type FileHandle } from "node:fs/promises";
import { crc32 } from "node:zlib";

/** An entry of the journal: the client that appended it, its request number, and the data. */
export interface JournalEntry {
  readonly client: string;
  readonly id: number;
  readonly data: string;
}

const HEADER = 8;

/** How much of a file was read back, and what was cut off. */
export interface Recovery {
  readonly entries: readonly JournalEntry[];
  /** Bytes after the last whole record, removed from the file. */
  readonly truncatedBytes: number;
}

export class JournalLog {
  readonly path: string;
  readonly #file: FileHandle;
  readonly #entries: JournalEntry[];
  #size: number;
  /** Whether each append is flushed to the disk before it resolves. */
  readonly #sync: boolean;
  /** Appends run one after the other, in the order they were asked for. */
  #tail: Promise<void> = Promise.resolve();

  private constructor(path: string, file: FileHandle, entries: JournalEntry[], size: number, sync: boolean) {
    this.path = path;
    this.#file = file;
    this.#entries = entries;
    this.#size = size;
    this.#sync = sync;
  }

  /**
   * Opens (or creates) the log at `path` and reads it back, cutting a torn last record off.
   * `sync: false` skips the fsync of each append: for tests whose disk is not the point.
   */
  static async open(path: string, options: { readonly sync?: boolean } = {}): Promise<{ log: JournalLog; recovery: Recovery }> {
    const file = await open(path, "a+");
    try {
      const bytes = await file.readFile();
      const { entries, length } = parseRecords(bytes);
      const truncatedBytes = bytes.length - length;
      if (truncatedBytes > 0) {
        await file.truncate(length);
        await file.sync();
      }
      return { log: new JournalLog(path, file, entries, length, options.sync ?? true), recovery: { entries, truncatedBytes } };
    } catch (error) {
      await file.close();
      throw error;
    }
  }

  get length(): number {
    return this.#entries.length;
  }

  get entries(): readonly JournalEntry[] {
    return this.#entries;
  }

  /** The size of the file in bytes. */
  get size(): number {
    return this.#size;
  }

  /** Appends `entry` and resolves once it is on the disk. */
  append(entry: JournalEntry): Promise<void> {
    return this.appendAll([entry]);
  }

  /** Appends `entries` in order with one write and one fsync (a group commit). */
  appendAll(entries: readonly JournalEntry[]): Promise<void> {
    const run = this.#tail.then(async () => {
      const buffer = Buffer.concat(entries.map(encodeRecord));
      await this.#file.write(buffer, 0, buffer.length, null);
      if (this.#sync) await this.#file.datasync();
      this.#size += buffer.length;
      this.#entries.push(...entries);
    });
    this.#tail = run.catch(() => undefined);
    return run;
  }

  /** Keeps the first `length` entries and removes the rest, durably (a restarted node whose log went further than the journal). */
  truncate(length: number): Promise<void> {
    const run = this.#tail.then(async () => {
      const size = this.#entries.slice(0, length).reduce((bytes, e) => bytes + encodeRecord(e).length, 0);
      await this.#file.truncate(size);
      if (this.#sync) await this.#file.datasync();
      this.#size = size;
      this.#entries.length = Math.min(length, this.#entries.length);
    });
    this.#tail = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    await this.#tail;
    await this.#file.close();
  }
}

export function encodeRecord(entry: JournalEntry): Buffer {
  const body = Buffer.from(JSON.stringify([entry.client, entry.id, entry.data]), "utf8");
  const record = Buffer.alloc(HEADER + body.length);
  record.writeUInt32BE(body.length, 0);
  record.writeUInt32BE(crc32(body), 4);
  body.copy(record, HEADER);
  return record;
}

/** The whole records at the start of `bytes`, and how many bytes they take. */
export function parseRecords(bytes: Uint8Array): { entries: JournalEntry[]; length: number } {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries: JournalEntry[] = [];
  let at = 0;
  while (at + HEADER <= buffer.length) {
    const length = buffer.readUInt32BE(at);
    const sum = buffer.readUInt32BE(at + 4);
    if (at + HEADER + length > buffer.length) break;
    const body = buffer.subarray(at + HEADER, at + HEADER + length);
    if (crc32(body) !== sum) break;
    const entry = decodeBody(body);
    if (entry === undefined) break;
    entries.push(entry);
    at += HEADER + length;
  }
  return { entries, length: at };
}

function decodeBody(body: Buffer): JournalEntry | undefined {
  try {
    const value: unknown = JSON.parse(body.toString("utf8"));
    if (!Array.isArray(value) || value.length !== 3) return undefined;
    const [client, id, data] = value as unknown[];
    if (typeof client !== "string" || typeof id !== "number" || typeof data !== "string") return undefined;
    return { client, id, data };
  } catch {
    return undefined;
  }
}
