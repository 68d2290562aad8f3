// The bug variants of the model (specs/s3-strong-consistency), in the implementation, each switched
// on by a flag: `S3Service.start({ ..., bug: "cache-without-witness" })`. The tests in
// test/specs/s3-service-bugs.test.ts switch each on and show that it is caught.
//
// The names are those of the model's bug variants (specs/s3-strong-consistency/bugs/NAME):
//
// - cache-without-witness: a cache hit is served at once, without waiting for the witness barrier
//   (S3 before 2020: a cached entry, a cached 404 too, is served however old it is).
// - witness-after-ack: the index applies and acknowledges a write as soon as the journal has it,
//   and records it at the witnesses afterwards (asynchronous invalidation).
// - unknown-as-fresh: a witness that answers "unknown" (recovering) is counted as having no newer
//   write, so a cached entry looks fresh instead of the read going through to the index.
// - list-lagging-replica: the read replica answers a LIST from what it has applied, at once,
//   without waiting until it has applied as far as the barrier.
// - blind-cache-install: a control, not a bug: a partition installs every fill without comparing
//   sequence numbers. The barrier masks it (it costs read-throughs, never a stale answer), and
//   the tests show that nothing catches it.
export const BUGS = ["cache-without-witness", "witness-after-ack", "unknown-as-fresh", "list-lagging-replica", "blind-cache-install"] as const;

export type Bug = (typeof BUGS)[number];

export function isBug(name: string): name is Bug {
  return (BUGS as readonly string[]).includes(name);
}
