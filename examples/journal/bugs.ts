// The planted bugs of specs/replicated-journal/bugs, in the implementation, each switched on by a
// flag: `new JournalNode({ ..., bug: "no-resend" })`, `new JournalClient({ ..., bug: "read-any-replica" })`,
// or `bug` in the options of a cluster, which passes it to every node and client. The tests in
// test/specs/journal-conformance.test.ts switch each on and show that it is caught.
//
// - head-acks-early: the head acknowledges an append as soon as it has it; the tail no longer does.
// - tail-acks-before-append: the tail acknowledges, then appends.
// - no-resend: a node given a new successor forwards only new entries, not its sent list.
// - read-any-replica: every node serves reads, and clients send each read to a node chosen at random.
export const BUGS = ["head-acks-early", "tail-acks-before-append", "no-resend", "read-any-replica"] as const;

export type Bug = (typeof BUGS)[number];
export type NodeBug = Bug;

export function isBug(name: string): name is Bug {
  return (BUGS as readonly string[]).includes(name);
}
