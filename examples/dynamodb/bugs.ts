// The planted bugs of specs/dynamodb-transactions/bugs, in the implementation, each switched on by
// a flag (`bug` in the options of a Service). The tests in test/specs/dynamodb-service*.test.ts
// switch each on and show that it is caught.
//
// - single-round-read: TransactGetItems reads each item once and returns, without the
//   second round that checks that no item changed in between (a read can see half a transaction).
// - unconditional-decision: the ledger's decision write is not conditional on the record being
//   PENDING: a coordinator that was paused long enough for recovery to cancel its transaction
//   wakes up and commits it.
// - write-on-prepared: a plain write is accepted on an item a transaction has prepared; the
//   commit then installs the value computed at prepare time (the plain write is lost).
// - commit-before-decision: the coordinator sends the commit to the items before the decision is
//   recorded in the ledger (after a crash, recovery sees PENDING and cancels the rest).
// - token-ignored: a retry with the same ClientRequestToken runs the transaction again.
export const BUGS = [
  "single-round-read",
  "unconditional-decision",
  "write-on-prepared",
  "commit-before-decision",
  "token-ignored",
] as const;

export type Bug = (typeof BUGS)[number];

export function isBug(name: string): name is Bug {
  return (BUGS as readonly string[]).includes(name);
}
