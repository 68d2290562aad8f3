// Strongly connected components of a subgraph of the explored state graph, by Tarjan's algorithm
// run with explicit stacks: state graphs have paths millions of states long, far beyond what the
// JavaScript call stack allows. Everything is in typed arrays sized by the number of states.
import type { EdgeStore } from "./edges.ts";

export interface Components {
  /** Component of each state, or -1 for states outside the subgraph. */
  readonly component: Int32Array;
  /** Number of components. Tarjan numbers them in reverse topological order. */
  readonly count: number;
}

/**
 * The SCCs of the subgraph induced by the states `s < stateCount` with `include[s] === 1`
 * (which must all be expanded). Edges to states outside the subgraph are ignored.
 */
export function stronglyConnected(edges: EdgeStore, stateCount: number, include: Uint8Array): Components {
  const order = new Int32Array(stateCount).fill(-1);
  const low = new Int32Array(stateCount);
  const onStack = new Uint8Array(stateCount);
  const stack = new Int32Array(stateCount);
  const callState = new Int32Array(stateCount);
  const callEdge = new Int32Array(stateCount);
  const component = new Int32Array(stateCount).fill(-1);
  let sp = 0;
  let csp = 0;
  let counter = 0;
  let count = 0;

  for (let root = 0; root < stateCount; root++) {
    if (include[root] !== 1 || order[root] !== -1) continue;
    order[root] = low[root] = counter++;
    stack[sp++] = root;
    onStack[root] = 1;
    callState[csp] = root;
    callEdge[csp] = edges.firstEdge(root);
    csp++;
    while (csp > 0) {
      const v = callState[csp - 1];
      const e = callEdge[csp - 1];
      if (e < edges.firstEdge(v) + edges.outDegree(v)) {
        callEdge[csp - 1] = e + 1;
        const w = edges.edgeTarget(e);
        if (include[w] !== 1) continue;
        if (order[w] === -1) {
          order[w] = low[w] = counter++;
          stack[sp++] = w;
          onStack[w] = 1;
          callState[csp] = w;
          callEdge[csp] = edges.firstEdge(w);
          csp++;
        } else if (onStack[w] === 1 && order[w] < low[v]) {
          low[v] = order[w];
        }
        continue;
      }
      // Every edge of v is done: v roots a component if nothing below it reached higher.
      if (low[v] === order[v]) {
        let w: number;
        do {
          w = stack[--sp];
          onStack[w] = 0;
          component[w] = count;
        } while (w !== v);
        count++;
      }
      csp--;
      if (csp > 0) {
        const u = callState[csp - 1];
        if (low[v] < low[u]) low[u] = low[v];
      }
    }
  }
  return { component, count };
}

/** States grouped by component: members of component c are `members[start[c] .. start[c + 1])`, ascending. */
export function groupMembers(components: Components): { start: Int32Array; members: Int32Array } {
  const { component, count } = components;
  const start = new Int32Array(count + 1);
  for (let s = 0; s < component.length; s++) if (component[s] >= 0) start[component[s] + 1]++;
  for (let c = 0; c < count; c++) start[c + 1] += start[c];
  const fill = start.slice(0, count);
  const members = new Int32Array(start[count]);
  for (let s = 0; s < component.length; s++) {
    const c = component[s];
    if (c >= 0) members[fill[c]++] = s;
  }
  return { start, members };
}
