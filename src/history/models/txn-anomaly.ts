// Naming what went wrong in a failing history of transactions, as Adya's isolation levels do.
// When every value is written at most once per key, each value read identifies the transaction
// that wrote it, and a read of a value written by a failed transaction (G1a) or overwritten
// within its own transaction (G1b) is named at once. Otherwise the failing transactions form a
// dependency graph: write-read edges (T2 read what T1 wrote), write-write edges from what is known
// of each key's version order (the initial absent version comes first; a transaction that read a
// version and then wrote the key orders the two; with real time, a write that completed before
// another began), read-write anti-dependencies (T1 read a version that T2 overwrote), and with
// real time, completed-before edges. The shortest cycle using the weakest kinds of edge names the
// anomaly: only write-write G0, with write-read G1c, with one anti-dependency G-single, with more
// G2; `-realtime` when it needs real time.
import type { Anomaly, Operation } from "../model.ts";
import type { MicroOp } from "../format.ts";
import { canonical } from "./values.ts";
import { microOps } from "./micro-ops.ts";

type EdgeKind = "ww" | "wr" | "rw" | "rt";

interface Edge {
  readonly from: Operation;
  readonly to: Operation;
  readonly kind: EdgeKind;
  /** What the edge means, for people (built only for the edges of the cycle shown). */
  readonly text: () => string;
}

interface Write {
  readonly op: Operation;
  /** The last write of its key in its transaction. */
  readonly final: boolean;
}

const TITLES: Record<string, string> = {
  G0: "write cycle (dirty write)",
  G1a: "aborted read",
  G1b: "intermediate read",
  G1c: "circular information flow",
  "G-single": "read skew: a dependency cycle with one anti-dependency",
  G2: "anti-dependency cycle",
};

const shown = (key: string, value: string) => (value === "null" ? `${key} absent` : `${key}=${value}`);

/** Reads (and checks) of a transaction that come before its own first write of the key. */
function externalReads(o: Operation): { key: string; value: string }[] {
  const written = new Set<string>();
  const reads: { key: string; value: string }[] = [];
  for (const [kind, key, value] of microOps(o) as readonly MicroOp[]) {
    if (kind === "w") written.add(key);
    else if (!written.has(key) && (kind === "check" || o.result !== undefined)) reads.push({ key, value: canonical(value) });
  }
  return reads;
}

/** The writer of every (key, value) of the partition, or undefined when a value is written twice or a key deleted. */
function uniqueWriters(partition: readonly Operation[]): Map<string, Write> | undefined {
  const writers = new Map<string, Write>();
  for (const o of partition) {
    const ops = microOps(o) as readonly MicroOp[];
    for (const [i, [kind, key, value]] of ops.entries()) {
      if (kind !== "w") continue;
      const text = canonical(value);
      const token = `${JSON.stringify(key)}=${text}`;
      if (text === "null" || writers.has(token)) return undefined;
      writers.set(token, { op: o, final: !ops.slice(i + 1).some((m) => m[0] === "w" && m[1] === key) });
    }
  }
  return writers;
}

/** Sub-histories up to this size get every edge; larger ones a reduced graph (see below). */
const FULL_GRAPH_LIMIT = 64;
/** Start nodes tried per strongly connected component when looking for its shortest cycle. */
const CYCLE_STARTS = 64;

/** The strongly connected components with more than one node (Tarjan's algorithm, without recursion). */
function components(nodes: readonly Operation[], out: (o: Operation) => readonly Edge[]): Operation[][] {
  const index = new Map<Operation, number>();
  const low = new Map<Operation, number>();
  const onStack = new Set<Operation>();
  const stack: Operation[] = [];
  const found: Operation[][] = [];
  let next = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { node: Operation; edge: number }[] = [{ node: root, edge: 0 }];
    index.set(root, next);
    low.set(root, next++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const edges = out(frame.node);
      if (frame.edge < edges.length) {
        const to = edges[frame.edge++].to;
        if (!index.has(to)) {
          index.set(to, next);
          low.set(to, next++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, edge: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: Operation[] = [];
        let member: Operation;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        if (component.length > 1) found.push(component);
      }
    }
  }
  return found;
}

/** The shortest cycle over edges of the allowed kinds, or undefined when there is none. */
function shortestCycle(nodes: readonly Operation[], edges: readonly Edge[], allowed: readonly EdgeKind[]): Edge[] | undefined {
  const out = new Map<Operation, Edge[]>();
  for (const e of edges) {
    if (!allowed.includes(e.kind)) continue;
    const list = out.get(e.from);
    if (list === undefined) out.set(e.from, [e]);
    else list.push(e);
  }
  const from = (o: Operation) => out.get(o) ?? [];
  const order = new Map(nodes.map((o, i) => [o, i]));
  let best: Edge[] | undefined;
  for (const component of components(nodes, from)) {
    const members = new Set(component);
    for (const start of [...component].sort((a, b) => order.get(a)! - order.get(b)!).slice(0, CYCLE_STARTS)) {
      const via = new Map<Operation, Edge>();
      const queue: Operation[] = [start];
      search: for (let i = 0; i < queue.length; i++) {
        for (const e of from(queue[i])) {
          if (!members.has(e.to)) continue;
          if (e.to === start) {
            const cycle = [e];
            for (let back = queue[i]; back !== start; back = via.get(back)!.from) cycle.unshift(via.get(back)!);
            if (best === undefined || cycle.length < best.length) best = cycle;
            break search;
          }
          if (!via.has(e.to)) {
            via.set(e.to, e);
            queue.push(e.to);
          }
        }
      }
    }
  }
  return best;
}

/**
 * The anomaly that a set of transactions shows, when writes are unique: a read of an aborted or
 * intermediate value, or the shortest dependency cycle with the weakest kinds of edge. A small
 * set (a minimal failing sub-history) gets every edge, real time included when asked. A large
 * one (a whole partition, before any search) gets a graph that stays linear in size: no
 * real-time edges, and a read of an absent key points only at the key's first known writers
 * (every other writer follows one of them by write-write edges). Every edge holds in any serial
 * order, so any cycle found is an anomaly.
 */
export function txnAnomaly(failing: readonly Operation[], partition: readonly Operation[], realTime: boolean): Anomaly | undefined {
  const writers = uniqueWriters(partition);
  if (writers === undefined) return undefined;
  const full = failing.length <= FULL_GRAPH_LIMIT;
  const withTime = full && realTime;
  const failingIndex = new Map(failing.map((o, i) => [o, i]));
  const n = (o: Operation) => (failingIndex.has(o) ? `#${failingIndex.get(o)! + 1}` : `transaction ${JSON.stringify(o.id)} (line ${o.invokeLine ?? "?"})`);
  const reads = new Map(failing.map((o) => [o, o.status === "ok" ? externalReads(o) : []]));
  for (const [o, rs] of reads) {
    for (const { key, value } of rs) {
      const w = writers.get(`${JSON.stringify(key)}=${value}`);
      if (w === undefined || w.op === o) continue;
      if (w.op.status === "fail") return { name: "G1a", title: TITLES.G1a, operations: [o], lines: [`${n(o)} read ${shown(key, value)}, written by ${n(w.op)}, which failed.`] };
      if (!w.final) return { name: "G1b", title: TITLES.G1b, operations: [w.op, o], lines: [`${n(o)} read ${shown(key, value)}, which ${n(w.op)} overwrote before it committed.`] };
    }
  }
  // Transactions known to have committed: the ok ones, and those whose writes were read.
  const readFrom = (key: string, value: string) => (value === "null" ? undefined : writers.get(`${JSON.stringify(key)}=${value}`)?.op);
  const observed = new Set([...reads].flatMap(([, rs]) => rs.map((r) => readFrom(r.key, r.value))));
  const nodes = failing.filter((o) => o.status === "ok" || observed.has(o));
  const nodeSet = new Set(nodes);
  /** The value each transaction last wrote to each key. */
  const written = new Map<Operation, Map<string, string>>();
  const writersOfKey = new Map<string, Operation[]>();
  for (const o of nodes) {
    const last = new Map<string, string>();
    for (const [kind, key, value] of microOps(o) as readonly MicroOp[]) if (kind === "w") last.set(key, canonical(value));
    written.set(o, last);
    for (const key of last.keys()) {
      const list = writersOfKey.get(key);
      if (list === undefined) writersOfKey.set(key, [o]);
      else list.push(o);
    }
  }
  const edges: Edge[] = [];
  const seen = new Set<string>();
  const nodeIndex = new Map(nodes.map((o, i) => [o, i]));
  const add = (from: Operation, to: Operation, kind: EdgeKind, text: () => string) => {
    const id = `${nodeIndex.get(from)}>${nodeIndex.get(to)}:${kind}`;
    if (from === to || seen.has(id)) return;
    seen.add(id);
    edges.push({ from, to, kind, text });
  };
  const value = (o: Operation, key: string) => written.get(o)!.get(key)!;
  const readsOfKey = new Map<string, { o: Operation; r: { key: string; value: string } }[]>();
  for (const o of nodes) {
    for (const r of reads.get(o)!) {
      const list = readsOfKey.get(r.key);
      if (list === undefined) readsOfKey.set(r.key, [{ o, r }]);
      else list.push({ o, r });
    }
  }
  for (const [key, keyWriters] of [...writersOfKey].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    // Version order: (earlier writer, later writer) pairs known for this key.
    const later = new Map<Operation, Operation[]>();
    const hasEarlier = new Set<Operation>();
    const order = (a: Operation, b: Operation) => {
      const list = later.get(a);
      if (list === undefined) later.set(a, [b]);
      else list.push(b);
      hasEarlier.add(b);
      add(a, b, "ww", () => `${n(a)} wrote ${shown(key, value(a, key))} and then ${n(b)} wrote ${shown(key, value(b, key))}`);
    };
    for (const o of keyWriters) {
      const read = reads.get(o)!.find((r) => r.key === key);
      const earlier = read === undefined ? undefined : readFrom(key, read.value);
      if (earlier !== undefined && nodeSet.has(earlier) && earlier !== o) order(earlier, o);
      if (withTime) for (const p of keyWriters) if (p.returnEvent < o.invokeEvent) order(p, o);
    }
    const first = full ? keyWriters : keyWriters.filter((o) => !hasEarlier.has(o));
    for (const { o, r } of readsOfKey.get(key) ?? []) {
      const from = readFrom(key, r.value);
      if (from !== undefined && nodeSet.has(from)) add(from, o, "wr", () => `${n(o)} read ${shown(key, r.value)}, written by ${n(from)}`);
      const overwriters = from === undefined ? first : (later.get(from) ?? []);
      for (const w of overwriters) add(o, w, "rw", () => `${n(o)} read ${shown(key, r.value)}, which ${n(w)} overwrote with ${value(w, key)}`);
    }
  }
  if (withTime) for (const a of nodes) for (const b of nodes) if (a.returnEvent < b.invokeEvent) add(a, b, "rt", () => `${n(a)} completed before ${n(b)} began`);
  const stages: [EdgeKind[], string][] = [
    [["ww"], "G0"],
    [["ww", "wr"], "G1c"],
    [["ww", "wr", "rw"], "G2"],
    [["ww", "wr", "rw", "rt"], "G2"],
  ];
  // The last stage allows every edge: without a cycle there, there is none in any stage.
  if (shortestCycle(nodes, edges, stages[stages.length - 1][0]) === undefined) return undefined;
  for (const [allowed, base] of stages) {
    const cycle = shortestCycle(nodes, edges, allowed);
    if (cycle === undefined) continue;
    const antiDependencies = cycle.filter((e) => e.kind === "rw").length;
    const name = (base === "G2" && antiDependencies === 1 ? "G-single" : base === "G2" && antiDependencies === 0 ? "G1c" : base) + (cycle.some((e) => e.kind === "rt") ? "-realtime" : "");
    const path = [...cycle.map((e) => n(e.from)), n(cycle[0].from)].join(" -> ");
    return {
      name,
      title: TITLES[name.replace("-realtime", "")],
      operations: cycle.map((e) => e.from),
      lines: [`The cycle ${path}:`, ...cycle.map((e) => `  ${e.text()} (${e.kind})`)],
    };
  }
  return undefined;
}
