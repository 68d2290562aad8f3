// The public face of the search engine: what compiled models implement and what the CLI calls.
// Everything else in this folder is an implementation detail of `explore`.
export type { Model, SuccessorSink } from "./model.ts";
export { hotWords } from "./model.ts";
export { explore, exploreSync, type ExploreOptions } from "./explore.ts";
export type { Budget } from "./budget.ts";
export { memoryInUse } from "./budget.ts";
export type { CheckResult, StopReason, TraceStep, Verdict, Violation } from "./result.ts";
export type { SearchMode, Stats } from "./stats.ts";
export { birthdayBound, collisionProbability } from "./stats.ts";
export { fingerprint, fingerprintHex } from "./fingerprint.ts";
export { VisitedSet } from "./visited.ts";
export { Prng, freshSeed } from "./prng.ts";
export { replay, type Path } from "./trace.ts";
