// SMT-LIB text: terms, the few operators the encoding needs (folding constants where it can, so
// that unrolled loops and branches on known values stay small), and a builder that collects the
// declarations of one query on demand, each after the ones it depends on. Queries are plain text:
// the solver parses them, the cache hashes them, and tests can read them.
import type { Span } from "../diagnostics/source.ts";

/** A term and its SMT sort; `value` when the term is a known constant. */
export interface Term {
  readonly s: string;
  readonly sort: string;
  readonly value?: number | boolean;
}

/** A construct the prover cannot encode: the obligations that need it are unknown, with its name and place. */
export class Unsupported extends Error {
  readonly construct: string;
  readonly span: Span | undefined;
  constructor(construct: string, span: Span | undefined) {
    super(`unsupported construct: ${construct}`);
    this.construct = construct;
    this.span = span;
  }
}

const SIMPLE = /^[A-Za-z~!$%^&*_+=<>.?/-][A-Za-z0-9~!@$%^&*_+=<>.?/-]*$/;

/** A symbol as SMT-LIB writes it: bare when it can be, `|quoted|` otherwise. */
export function sym(name: string): string {
  return SIMPLE.test(name) ? name : `|${name}|`;
}

export const TRUE: Term = { s: "true", sort: "Bool", value: true };
export const FALSE: Term = { s: "false", sort: "Bool", value: false };

export function bool(b: boolean): Term {
  return b ? TRUE : FALSE;
}

export function int(n: number): Term {
  return { s: n < 0 ? `(- ${-n})` : String(n), sort: "Int", value: n };
}

export function app(f: string, sort: string, ...args: readonly Term[]): Term {
  return { s: args.length === 0 ? f : `(${f} ${args.map((a) => a.s).join(" ")})`, sort };
}

export function not(a: Term): Term {
  if (a.value !== undefined) return bool(!a.value);
  if (a.s.startsWith("(not ")) return { s: a.s.slice(5, -1), sort: "Bool" };
  return { s: `(not ${a.s})`, sort: "Bool" };
}

export function and(...terms: readonly Term[]): Term {
  const parts: string[] = [];
  for (const t of terms) {
    if (t.value === false) return FALSE;
    if (t.value === true) continue;
    if (!parts.includes(t.s)) parts.push(t.s);
  }
  if (parts.length === 0) return TRUE;
  return parts.length === 1 ? { s: parts[0], sort: "Bool" } : { s: `(and ${parts.join(" ")})`, sort: "Bool" };
}

export function or(...terms: readonly Term[]): Term {
  const parts: string[] = [];
  for (const t of terms) {
    if (t.value === true) return TRUE;
    if (t.value === false) continue;
    if (!parts.includes(t.s)) parts.push(t.s);
  }
  if (parts.length === 0) return FALSE;
  return parts.length === 1 ? { s: parts[0], sort: "Bool" } : { s: `(or ${parts.join(" ")})`, sort: "Bool" };
}

export function implies(a: Term, b: Term): Term {
  if (a.value === false || b.value === true) return TRUE;
  if (a.value === true) return b;
  if (b.value === false) return not(a);
  return { s: `(=> ${a.s} ${b.s})`, sort: "Bool" };
}

export function iff(a: Term, b: Term): Term {
  if (a.value !== undefined && b.value !== undefined) return bool(a.value === b.value);
  if (a.s === b.s) return TRUE;
  return { s: `(= ${a.s} ${b.s})`, sort: "Bool" };
}

export function eq(a: Term, b: Term): Term {
  if (a.s === b.s) return TRUE;
  if (a.value !== undefined && b.value !== undefined) return bool(a.value === b.value);
  return { s: `(= ${a.s} ${b.s})`, sort: "Bool" };
}

export function ite(c: Term, a: Term, b: Term): Term {
  if (c.value === true) return a;
  if (c.value === false) return b;
  if (a.s === b.s) return a;
  if (a.sort === "Bool" && a.value === true && b.value === false) return c;
  return { s: `(ite ${c.s} ${a.s} ${b.s})`, sort: a.sort };
}

/** Integer and real arithmetic and comparisons, folded on constants. */
export function arith(op: string, a: Term, b: Term): Term {
  const x = a.value;
  const y = b.value;
  if (typeof x === "number" && typeof y === "number" && a.sort === "Int") {
    switch (op) {
      case "+":
        return int(x + y);
      case "-":
        return int(x - y);
      case "*":
        return int(x * y);
      case "<":
        return bool(x < y);
      case "<=":
        return bool(x <= y);
      case ">":
        return bool(x > y);
      case ">=":
        return bool(x >= y);
      default:
        break;
    }
  }
  const smtOp = op === "/" ? (a.sort === "Int" ? "div" : "/") : op === "%" ? "mod" : op;
  const sort = ["<", "<=", ">", ">="].includes(op) ? "Bool" : a.sort;
  return { s: `(${smtOp} ${a.s} ${b.s})`, sort };
}

export function quoteString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * The declarations and assertions of one query, in an order where each declaration comes after
 * those it uses. Keys make declarations idempotent: asking twice for a sort or function declares
 * it once.
 */
export class SmtBuilder {
  private readonly lines: string[] = [];
  private readonly keys = new Set<string>();
  private counter = 0;
  /** While set, every assertion holds only under it: a step of one handler among several. */
  private guard: Term | undefined;

  /** Declares `key` once: `make` runs (declaring what it needs first) and its text is added. */
  ensure(key: string, make: () => string): void {
    if (this.keys.has(key)) return;
    this.keys.add(key);
    const text = make();
    if (text !== "") this.lines.push(text);
  }

  has(key: string): boolean {
    return this.keys.has(key);
  }

  /** A fresh name, unique within the query. */
  fresh(prefix: string): string {
    return `${prefix}.${this.counter++}`;
  }

  /** A fresh constant of `sort`. */
  constant(prefix: string, sort: string): Term {
    const name = this.fresh(prefix);
    this.lines.push(`(declare-const ${sym(name)} ${sort})`);
    return { s: sym(name), sort };
  }

  /** Names a long term, so that the text of the query stays linear in the size of the code. */
  share(prefix: string, t: Term): Term {
    if (t.value !== undefined || t.s.length < 60) return t;
    const name = this.fresh(prefix);
    this.lines.push(`(define-fun ${sym(name)} () ${t.sort} ${t.s})`);
    return { s: sym(name), sort: t.sort };
  }

  assert(t: Term): void {
    const g = this.guard === undefined ? t : implies(this.guard, t);
    if (g.value === true) return;
    this.lines.push(`(assert ${g.s})`);
  }

  /** Runs `build` with its assertions holding only under `guard`. */
  guarded<T>(guard: Term, build: () => T): T {
    const outer = this.guard;
    this.guard = outer === undefined ? guard : and(outer, guard);
    try {
      return build();
    } finally {
      this.guard = outer;
    }
  }

  line(text: string): void {
    this.lines.push(text);
  }

  text(): string {
    return this.lines.join("\n") + "\n";
  }

  clone(): SmtBuilder {
    const copy = new SmtBuilder();
    copy.lines.push(...this.lines);
    for (const k of this.keys) copy.keys.add(k);
    copy.counter = this.counter;
    return copy;
  }
}
