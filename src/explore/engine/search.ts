// What the exhaustive searches and the simulator have in common, as the driver (explore.ts) sees
// them: a search advances by a bounded number of expansions at a time, so that the driver can
// check budgets, report progress and yield to the event loop in between; and when it stops it may
// hold a finding, a violation whose trace is still a list of ordinals to replay.
import type { FailedStep } from "./expand.ts";
import type { EdgeStore } from "./liveness/edges.ts";
import type { Model } from "./model.ts";
import type { Counters, SearchMode } from "./stats.ts";
import { pathTo, type Path } from "./trace.ts";
import type { VisitedSet } from "./visited.ts";

/**
 * Where a search is after `advance`: still going; finished; stopped on a violation; or stopped
 * because the state budget or the depth bound cut it short.
 */
export type Advance = "running" | "done" | "violation" | "states" | "depth";

/** A violation as a search finds it, before replay turns its path into a trace. */
export interface Finding {
  readonly kind: string;
  readonly message: string;
  readonly path: Path;
  /** Liveness on a cycle: ordinals leading from the end of `path` back to it. */
  readonly cycle?: Path;
  readonly monitor?: number;
}

export interface Search {
  readonly mode: SearchMode;
  /**
   * Expands at most `expansions` states and says where the search is. `maxStates` is the
   * distinct-state budget, checked after each expansion. Not called again once it returned
   * anything but "running".
   */
  advance(expansions: number, maxStates: number): Advance;
  /** The numbers so far. */
  counters(): Counters;
  /** The violation, after `advance` returned "violation". */
  finding(): Finding | null;
  /** The recorded state graph, for the liveness pass; null when none was recorded. */
  graph(): { readonly edges: EdgeStore; readonly visited: VisitedSet } | null;
}

/** A failing step found by an exhaustive search, with the path that leads to it. */
export function failureFinding(visited: VisitedSet, failure: FailedStep): Finding {
  const prefix = failure.from >= 0 ? pathTo(visited, failure.from) : { ordinals: [], indices: [] };
  prefix.ordinals.push(failure.ordinal);
  prefix.indices.push(-1);
  return { kind: failure.kind, message: failure.message, path: prefix };
}

/**
 * What a terminal state violates, if anything: a deadlock when it is not an acceptable end;
 * otherwise, when liveness is checked and `hotMonitor` >= 0, that monitor being hot at the end.
 */
export function terminalFinding(
  model: Model,
  state: Int32Array,
  length: number,
  path: Path,
  hotMonitor: number,
): Finding | null {
  if (!model.acceptableEnd(state, length)) {
    return {
      kind: "deadlock",
      message: "no step is possible and the state is not an acceptable end state",
      path,
    };
  }
  if (hotMonitor >= 0) {
    return {
      kind: "liveness",
      message: `monitor ${model.monitorLabel(hotMonitor)} is hot in a state where no step is possible`,
      path,
      monitor: hotMonitor,
    };
  }
  return null;
}
