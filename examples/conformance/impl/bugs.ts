// Deliberate bugs, each switched on by a flag, for the mutation test: the conformance checks must
// catch every one of them (test/conform/mutations.test.ts).

export const PRIMARY_BUGS = {
  /** Acknowledges a write to the client as soon as it arrives, before the backup has it. */
  "ack-before-replicate": "acknowledges a write before the backup has it",
  /** Serves reads from writes still waiting for the backup. */
  "read-uncommitted": "reads see writes the backup has not acknowledged",
  /** Ignores the retransmission tick: a lost write is never sent again. */
  "no-retransmit": "does not send pending writes again on a retransmission tick",
  /** Acknowledges a write to the client again when the backup acknowledges it twice. */
  "ack-twice": "acknowledges a write again on a repeated acknowledgement from the backup",
} as const;

export const BACKUP_BUGS = {
  /** Does not acknowledge again a write it applied before, so a lost acknowledgement is lost for good. */
  "no-reack": "does not acknowledge a repeated write",
  /** Applies a write that arrives before the ones numbered before it. */
  "out-of-order": "applies writes out of sequence order",
} as const;

export type PrimaryBug = keyof typeof PRIMARY_BUGS;
export type BackupBug = keyof typeof BACKUP_BUGS;
export type Bug = PrimaryBug | BackupBug;

export const BUGS: readonly Bug[] = [...(Object.keys(PRIMARY_BUGS) as PrimaryBug[]), ...(Object.keys(BACKUP_BUGS) as BackupBug[])];

export function isPrimaryBug(bug: Bug | undefined): bug is PrimaryBug {
  return bug !== undefined && bug in PRIMARY_BUGS;
}

export function isBackupBug(bug: Bug | undefined): bug is BackupBug {
  return bug !== undefined && bug in BACKUP_BUGS;
}
