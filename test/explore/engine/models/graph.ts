// A model given as an explicit graph: each state is one node number, each edge says which process
// moves, and a set of nodes where monitor 0 is hot. Lets liveness tests draw the exact cycle
// structure they need (hot components, fair and unfair cycles, terminal nodes).
import type { Model, SuccessorSink } from "../../../../src/explore/engine/index.ts";

export interface GraphEdge {
  readonly from: number;
  readonly to: number;
  readonly process: number;
}

export class GraphModel implements Model {
  readonly name = "graph";
  readonly monitorCount = 1;
  private readonly out: GraphEdge[][] = [];
  private readonly hotNodes: ReadonlySet<number>;
  private readonly scratch = new Int32Array(1);

  /** Node 0 is initial. Edges are emitted in the order given. */
  constructor(edges: readonly GraphEdge[], hot: readonly number[]) {
    for (const e of edges) (this.out[e.from] ??= []).push(e);
    this.hotNodes = new Set(hot);
  }

  initial(sink: SuccessorSink): void {
    this.scratch[0] = 0;
    sink.next(0, 0, this.scratch, 1);
  }

  successors(state: Int32Array, _length: number, sink: SuccessorSink): void {
    for (const e of this.out[state[0]] ?? []) {
      this.scratch[0] = e.to;
      sink.next(e.to, e.process, this.scratch, 1);
    }
  }

  acceptableEnd(): boolean {
    return true;
  }

  hot(state: Int32Array, _length: number, out: Uint32Array): void {
    out[0] = this.hotNodes.has(state[0]) ? 1 : 0;
  }

  initialLabel(): string {
    return "init";
  }

  actionLabel(_state: Int32Array, _length: number, action: number): string {
    return `to ${action}`;
  }

  processLabel(p: number): string {
    return `p${p}`;
  }

  monitorLabel(): string {
    return "Hot";
  }
}

/** Shorthand: `e(0, 1, 2)` is an edge from node 0 to node 1 moved by process 2. */
export function e(from: number, to: number, process: number): GraphEdge {
  return { from, to, process };
}
