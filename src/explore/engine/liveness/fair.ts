// Finding a fair cycle on which a monitor stays hot. For each monitor, take the subgraph of states
// where it is hot and split it into strongly connected components. A component C with at least
// one internal edge contains cycles; it contains a *weakly fair* one exactly when every process
// that is enabled in all states of C takes some step inside C:
//   - if so, a cycle that passes through one such step per always-enabled process, and through a
//     state where each other process is disabled, is fair, and stays in C, hence hot;
//   - if not, some process p is enabled in all of C and never steps inside C, so on any cycle
//     inside C (a subset of C's states and edges) p is enabled throughout and never moves.
// A process is enabled in a state when some emission of that state moved it.
import type { EdgeStore } from "./edges.ts";
import { groupMembers, stronglyConnected } from "./scc.ts";

/** What the lasso builder needs about the component that violates liveness. */
export interface FairComponent {
  readonly monitor: number;
  /** The component's states, ascending. */
  readonly members: Int32Array;
  /** Component of each state, -1 outside the hot subgraph. */
  readonly component: Int32Array;
  readonly id: number;
}

/** Per-process tallies over one component, reused across components. */
class Tally {
  readonly enabledIn: Int32Array;
  readonly stepsInside: Uint8Array;
  private readonly stamp: Int32Array;
  readonly touched: number[] = [];

  constructor(processes: number) {
    this.enabledIn = new Int32Array(processes);
    this.stepsInside = new Uint8Array(processes);
    this.stamp = new Int32Array(processes).fill(-1);
  }

  /** Counts the processes enabled in each member; returns whether C has an internal edge. */
  count(edges: EdgeStore, members: Int32Array, component: Int32Array, id: number): boolean {
    for (const p of this.touched) {
      this.enabledIn[p] = 0;
      this.stepsInside[p] = 0;
      this.stamp[p] = -1;
    }
    this.touched.length = 0;
    let internal = false;
    for (const s of members) {
      const end = edges.firstEdge(s) + edges.outDegree(s);
      for (let e = edges.firstEdge(s); e < end; e++) {
        const p = edges.edgeProcess(e);
        if (this.stamp[p] === -1) this.touched.push(p);
        if (this.stamp[p] !== s) {
          this.stamp[p] = s;
          this.enabledIn[p]++;
        }
        if (component[edges.edgeTarget(e)] === id) {
          this.stepsInside[p] = 1;
          internal = true;
        }
      }
    }
    return internal;
  }

  /** Whether every process enabled in all `size` states steps inside. */
  fair(size: number): boolean {
    for (const p of this.touched) if (this.enabledIn[p] === size && this.stepsInside[p] === 0) return false;
    return true;
  }
}

/**
 * The first monitor (by number) that can stay hot forever on a fair cycle, with the component
 * that holds the cycle: among that monitor's fair components, the one with the smallest state
 * index, which BFS reaches first. Only expanded states take part.
 */
export function findFairHotComponent(edges: EdgeStore, stateCount: number, monitorCount: number): FairComponent | null {
  const include = new Uint8Array(stateCount);
  const tally = new Tally(edges.maxProcess + 1);
  for (let monitor = 0; monitor < monitorCount; monitor++) {
    let any = false;
    for (let s = 0; s < stateCount; s++) {
      const hot = edges.expanded(s) && edges.isHot(s, monitor);
      include[s] = hot ? 1 : 0;
      any ||= hot;
    }
    if (!any) continue;
    const components = stronglyConnected(edges, stateCount, include);
    const { start, members } = groupMembers(components);
    let best = -1;
    for (let c = 0; c < components.count; c++) {
      const own = members.subarray(start[c], start[c + 1]);
      if (best >= 0 && own[0] > members[start[best]]) continue;
      if (tally.count(edges, own, components.component, c) && tally.fair(own.length)) best = c;
    }
    if (best >= 0) {
      return {
        monitor,
        members: members.slice(start[best], start[best + 1]),
        component: components.component,
        id: best,
      };
    }
  }
  return null;
}

/** A step the fair cycle must take: process `process` moving along `edge` out of `from`. */
export interface RequiredStep {
  readonly process: number;
  readonly from: number;
  readonly edge: number;
}

/**
 * The waypoints of a fair cycle through `fc`: for each process enabled in every state, its first
 * internal step (by state, then emission order); and the processes enabled only in some states,
 * ascending.
 */
export function requiredSteps(edges: EdgeStore, fc: FairComponent): { always: RequiredStep[]; sometimes: number[] } {
  const tally = new Tally(edges.maxProcess + 1);
  tally.count(edges, fc.members, fc.component, fc.id);
  const wanted = new Set<number>();
  const sometimes: number[] = [];
  for (const p of [...tally.touched].sort((a, b) => a - b)) {
    if (tally.enabledIn[p] === fc.members.length) wanted.add(p);
    else sometimes.push(p);
  }
  const always: RequiredStep[] = [];
  for (const from of fc.members) {
    const end = edges.firstEdge(from) + edges.outDegree(from);
    for (let edge = edges.firstEdge(from); edge < end; edge++) {
      const process = edges.edgeProcess(edge);
      if (wanted.has(process) && fc.component[edges.edgeTarget(edge)] === fc.id) {
        always.push({ process, from, edge });
        wanted.delete(process);
      }
    }
  }
  always.sort((a, b) => a.process - b.process);
  return { always, sometimes };
}
