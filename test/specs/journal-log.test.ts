// The journal's persistent log (examples/journal/log.ts): appends survive a reopen, and a crash
// that leaves the last record torn (cut short, or with bytes that do not match its checksum) loses
// only that record, which is cut from the file.
import { appendFileSync, mkdtempSync, readFileSync, statSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { encodeRecord, JournalLog, parseRecords } from "../../examples/journal/log.ts";

const entry = (id: number) => ({ client: "client-1", id, data: `entry ${id}` });

/** Opens the log at `path`, and closes it: what a reopen reads back. */
async function recover(path: string) {
  const { log, recovery } = await JournalLog.open(path);
  await log.close();
  return recovery;
}

function freshPath(): string {
  return join(mkdtempSync(join(tmpdir(), "journal-log-")), "node.log");
}

describe("journal log", () => {
  it("reads back what was appended, fsync'ed, after a reopen", async () => {
    const path = freshPath();
    const { log, recovery } = await JournalLog.open(path);
    expect(recovery).toEqual({ entries: [], truncatedBytes: 0 });
    await log.append(entry(1));
    await log.appendAll([entry(2), entry(3)]);
    expect(log.length).toBe(3);
    await log.close();
    const again = await JournalLog.open(path);
    expect(again.recovery).toEqual({ entries: [entry(1), entry(2), entry(3)], truncatedBytes: 0 });
    expect(again.log.size).toBe(statSync(path).size);
    await again.log.close();
  });

  it("keeps appends in the order they were asked for", async () => {
    const { log } = await JournalLog.open(freshPath());
    await Promise.all([1, 2, 3, 4, 5].map((i) => log.append(entry(i))));
    expect(log.entries.map((e) => e.id)).toEqual([1, 2, 3, 4, 5]);
    await log.close();
  });

  it("cuts a record torn by a crash in the middle of its write", async () => {
    const path = freshPath();
    const { log } = await JournalLog.open(path);
    await log.appendAll([entry(1), entry(2)]);
    await log.close();
    const whole = statSync(path).size;
    // The crash: the third record's header and half its body reached the disk.
    const torn = encodeRecord(entry(3));
    appendFileSync(path, torn.subarray(0, 8 + Math.floor((torn.length - 8) / 2)));
    const { log: reopened, recovery } = await JournalLog.open(path);
    expect(recovery.entries).toEqual([entry(1), entry(2)]);
    expect(recovery.truncatedBytes).toBe(8 + Math.floor((torn.length - 8) / 2));
    expect(statSync(path).size).toBe(whole);
    // The log goes on after the cut.
    await reopened.append(entry(3));
    await reopened.close();
    expect((await recover(path)).entries.map((e) => e.id)).toEqual([1, 2, 3]);
  });

  it("cuts a last record whose bytes do not match its checksum, and a header cut short", async () => {
    const path = freshPath();
    const records = [encodeRecord(entry(1)), encodeRecord(entry(2))];
    const garbled = Buffer.from(records[1]);
    garbled[garbled.length - 2] ^= 0xff;
    writeFileSync(path, Buffer.concat([records[0], garbled]));
    expect(await recover(path)).toEqual({ entries: [entry(1)], truncatedBytes: garbled.length });
    expect(readFileSync(path)).toEqual(records[0]);
    appendFileSync(path, records[1].subarray(0, 5));
    expect((await recover(path)).truncatedBytes).toBe(5);
    truncateSync(path, 0);
    expect(await recover(path)).toEqual({ entries: [], truncatedBytes: 0 });
  });

  it("parses records up to the first bad one", () => {
    const bytes = Buffer.concat([encodeRecord(entry(1)), encodeRecord(entry(2)), Buffer.from([0, 0, 0, 1, 0, 0, 0, 0, 0x7b])]);
    const parsed = parseRecords(bytes);
    expect(parsed.entries.map((e) => e.id)).toEqual([1, 2]);
    expect(parsed.length).toBe(bytes.length - 9);
  });
});
