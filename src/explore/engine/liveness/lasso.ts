// Turning a fair hot component into a lasso counterexample: a prefix from an initial state to the
// component's first state (the BFS tree path, shortest when the search was BFS), then a cycle
// inside the component that returns to that state. The cycle is stitched from shortest paths
// inside the component through waypoints that make it weakly fair: one internal step of each
// process enabled everywhere in the component, and one state where each other enabled process is
// disabled (see fair.ts).
import type { Finding } from "../search.ts";
import { pathTo } from "../trace.ts";
import type { VisitedSet } from "../visited.ts";
import type { EdgeStore } from "./edges.ts";
import { requiredSteps, type FairComponent } from "./fair.ts";

/**
 * Shortest paths inside the component, by BFS over typed arrays sized by the state count (a
 * component can hold millions of states). `seen` holds the number of the search that last reached
 * a state, so the arrays are never cleared between searches.
 */
class InsidePaths {
  private readonly seen: Int32Array;
  private readonly viaEdge: Int32Array;
  private readonly viaState: Int32Array;
  private readonly queue: Int32Array;
  private search = 0;
  private readonly edges: EdgeStore;
  private readonly fc: FairComponent;

  constructor(edges: EdgeStore, fc: FairComponent) {
    this.edges = edges;
    this.fc = fc;
    const n = fc.component.length;
    this.seen = new Int32Array(n);
    this.viaEdge = new Int32Array(n);
    this.viaState = new Int32Array(n);
    this.queue = new Int32Array(fc.members.length);
  }

  /** The edges of a shortest path from `from` to `to` (empty when they are equal). */
  between(from: number, to: number): number[] {
    if (from === to) return [];
    const { edges, fc } = this;
    const mark = ++this.search;
    this.seen[from] = mark;
    this.queue[0] = from;
    let tail = 1;
    for (let head = 0; head < tail; head++) {
      const s = this.queue[head];
      const end = edges.firstEdge(s) + edges.outDegree(s);
      for (let e = edges.firstEdge(s); e < end; e++) {
        const t = edges.edgeTarget(e);
        if (fc.component[t] !== fc.id || this.seen[t] === mark) continue;
        this.seen[t] = mark;
        this.viaEdge[t] = e;
        this.viaState[t] = s;
        if (t === to) return this.walkBack(from, to);
        this.queue[tail++] = t;
      }
    }
    throw new Error("lasso: states of one component are not connected");
  }

  private walkBack(from: number, to: number): number[] {
    const path: number[] = [];
    for (let at = to; at !== from; at = this.viaState[at]) path.push(this.viaEdge[at]);
    return path.reverse();
  }
}

function enabledAt(edges: EdgeStore, state: number, process: number): boolean {
  const end = edges.firstEdge(state) + edges.outDegree(state);
  for (let e = edges.firstEdge(state); e < end; e++) if (edges.edgeProcess(e) === process) return true;
  return false;
}

/** The lasso for a fair hot component, as a finding whose paths are ordinals to replay. */
export function lassoFinding(
  edges: EdgeStore,
  visited: VisitedSet,
  fc: FairComponent,
  monitorLabel: string,
): Finding {
  const entry = fc.members[0];
  const { always, sometimes } = requiredSteps(edges, fc);
  const cycle: number[] = [];
  const paths = new InsidePaths(edges, fc);
  let at = entry;
  const goTo = (target: number): void => {
    for (const e of paths.between(at, target)) cycle.push(e);
    at = target;
  };
  for (const step of always) {
    goTo(step.from);
    cycle.push(step.edge);
    at = edges.edgeTarget(step.edge);
  }
  for (const process of sometimes) {
    const idle = fc.members.find((s) => !enabledAt(edges, s, process));
    if (idle !== undefined) goTo(idle);
  }
  goTo(entry);
  if (cycle.length === 0) {
    // Every waypoint was the entry itself: leave it by its first internal edge and come back.
    const end = edges.firstEdge(entry) + edges.outDegree(entry);
    for (let e = edges.firstEdge(entry); e < end; e++) {
      if (fc.component[edges.edgeTarget(e)] !== fc.id) continue;
      cycle.push(e);
      at = edges.edgeTarget(e);
      goTo(entry);
      break;
    }
  }
  return {
    kind: "liveness",
    message: `monitor ${monitorLabel} can stay hot forever: a fair cycle of ${cycle.length} step${cycle.length === 1 ? "" : "s"} never cools it`,
    path: pathTo(visited, entry),
    cycle: {
      ordinals: cycle.map((e) => edges.edgeOrdinal(e)),
      indices: cycle.map((e) => edges.edgeTarget(e)),
    },
    monitor: fc.monitor,
  };
}
