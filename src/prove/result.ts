// What `pith prove` finds, per target (an invariant, or `default`), in a form the text and JSON
// reports print without deciding anything.
import type { Span } from "../diagnostics/source.ts";

export type ProofStatus = "proved" | "failed" | "unknown";

/** One machine type's machines, before and (for a step) after. */
export interface CtiTable {
  readonly machineType: string;
  /** `state`, then the variables the failing query mentions. */
  readonly columns: readonly string[];
  readonly rows: readonly {
    readonly id: string;
    readonly before: readonly string[];
    readonly after?: readonly string[];
    /** Per column: whether the step changed it. */
    readonly changed?: readonly boolean[];
  }[];
}

export interface CtiMessage {
  readonly id: string;
  readonly event: string;
  readonly target: string;
  readonly payload?: string;
  /** Before the step: in flight, or taken already. */
  readonly inflight: boolean;
  /** After the step (steps only). */
  readonly inflightAfter?: boolean;
  /** Sent by the step. */
  readonly isNew: boolean;
}

/** A counterexample to induction: a state (or two, and the step between them) that breaks a target. */
export interface Cti {
  /** `2 Client, 1 Server, 2 messages`. */
  readonly size: string;
  readonly tables: readonly CtiTable[];
  readonly messages: readonly CtiMessage[];
  readonly step?: { readonly kind: "step" | "check" | "unhandled"; readonly handler: string; readonly machine: string; readonly message?: string; readonly event?: string; readonly payload?: string };
  /** The values of the quantified variables of the broken invariant. */
  readonly witnesses: readonly { readonly name: string; readonly value: string }[];
  readonly pures: readonly { readonly name: string; readonly value: string }[];
  /** For a state with no step after it (an initial state, an unhandled message). */
  readonly single: boolean;
}

export interface Failure {
  readonly description: string;
  readonly span?: Span;
  readonly cti?: Cti;
  /** Why no counterexample is shown, when none is. */
  readonly ctiMissing?: string;
}

export interface Unknown {
  readonly description: string;
  readonly reason: string;
  /** For an unsupported construct: its name and place. */
  readonly construct?: string;
  readonly span?: Span;
}

export interface TargetResult {
  readonly target: string;
  readonly status: ProofStatus;
  readonly span?: Span;
  /** Obligations checked for it. */
  readonly obligations: number;
  /** The other invariants its proof used (from unsat cores). */
  readonly helpers: readonly string[];
  readonly failures: readonly Failure[];
  readonly unknowns: readonly Unknown[];
  readonly notes: readonly string[];
}

export interface ProofStats {
  readonly obligations: number;
  readonly queries: number;
  readonly cached: number;
  readonly ms: number;
  readonly solverMs: number;
}

export interface ProofReport {
  readonly results: readonly TargetResult[];
  /** The init-conditions, axioms and invariants hold together in some initial state. */
  readonly vacuity: { readonly status: ProofStatus; readonly reason?: string };
  readonly stats: ProofStats;
}

export function allProved(report: ProofReport): boolean {
  return report.vacuity.status === "proved" && report.results.every((r) => r.status === "proved");
}
