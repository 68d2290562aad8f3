// Splitting a history into partitions that can be checked on their own: operations are joined
// when their footprints share a key, and a prefix joins every key of the history under it. A
// history is linearizable exactly when each partition is (linearizability is compositional), and
// serializable when each is, since orders of disjoint partitions merge in any interleaving.
import type { Operation, SequentialModel } from "./model.ts";

export interface Partition {
  /** For people: `key a`, `keys a, b`, `prefix "p/"` or `the history`. */
  readonly name: string;
  readonly keys: readonly string[];
  readonly operations: Operation[];
}

class UnionFind {
  private readonly parent = new Map<string, string>();
  find(x: string): string {
    let root = x;
    for (let p = this.parent.get(root); p !== undefined && p !== root; p = this.parent.get(root)) root = p;
    if (!this.parent.has(x)) this.parent.set(x, x);
    for (let y = x; y !== root; ) {
      const next = this.parent.get(y)!;
      this.parent.set(y, root);
      y = next;
    }
    return root;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    // The smaller name becomes the root, so the result does not depend on the order of unions.
    if (ra < rb) this.parent.set(rb, ra);
    else if (rb < ra) this.parent.set(ra, rb);
  }
}

function partitionName(keys: readonly string[], prefixes: readonly string[]): string {
  if (keys.length === 0) return prefixes.length === 0 ? "the history" : `prefix ${prefixes.map((p) => JSON.stringify(p)).join(", ")}`;
  const shown = keys.map((k) => (k === "" ? '""' : k));
  return keys.length === 1 ? `key ${shown[0]}` : `keys ${shown.join(", ")}`;
}

/** The partitions of `ops`, in the order of their first operation. */
export function partitionHistory(ops: readonly Operation[], model: SequentialModel): Partition[] {
  const footprint = model.footprint;
  if (footprint === undefined) return [{ name: "the history", keys: [], operations: [...ops] }];
  const prints = ops.map((o) => footprint(o));
  const allKeys = [...new Set(prints.flatMap((p) => p.keys))].sort();
  const sets = new UnionFind();
  const node = (o: number): string => {
    const p = prints[o];
    return p.keys.length > 0 ? `k:${p.keys[0]}` : `p:${p.prefixes?.[0] ?? ""}`;
  };
  prints.forEach((p, o) => {
    const first = node(o);
    sets.find(first);
    for (const k of p.keys) sets.union(first, `k:${k}`);
    for (const prefix of p.prefixes ?? []) {
      sets.union(first, `p:${prefix}`);
      for (const k of allKeys) if (k.startsWith(prefix)) sets.union(first, `k:${k}`);
    }
  });
  const groups = new Map<string, { keys: Set<string>; prefixes: Set<string>; operations: Operation[] }>();
  ops.forEach((o, i) => {
    const root = sets.find(node(i));
    let g = groups.get(root);
    if (g === undefined) groups.set(root, (g = { keys: new Set(), prefixes: new Set(), operations: [] }));
    g.operations.push(o);
    for (const k of prints[i].keys) g.keys.add(k);
    for (const p of prints[i].prefixes ?? []) g.prefixes.add(p);
  });
  return [...groups.values()].map((g) => {
    const keys = [...g.keys].sort();
    return { name: partitionName(keys, [...g.prefixes].sort()), keys, operations: g.operations };
  });
}
