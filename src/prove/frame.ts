// Frames: the state of the whole system at one point, as functions over ids. A machine type has a
// function from ids to its control state, one per variable, and (when its start state has an entry)
// whether it has started; messages have `sent` and `inflight`. The state before a step is stored
// (declared, unconstrained); the initial state is defined (start states, default values, nothing
// sent); a state during or after a step is an overlay on the one before: the running machine's
// state and variables, and the messages added and taken.
import type { Span } from "../diagnostics/source.ts";
import { and, app, eq, ite, not, or, sym, type Term } from "./smt.ts";
import type { Signature } from "./signature.ts";

export interface Frame {
  /** The control state of machine `x` of type `machine`. */
  state(machine: number, x: Term): Term;
  /** Whether machine `x` has run its start entry (always true for types whose start state has none). */
  started(machine: number, x: Term): Term;
  variable(machine: number, slot: number, x: Term, span: Span | undefined): Term;
  sent(m: Term): Term;
  inflight(m: Term): Term;
}

/** Machine types whose start state has an entry: their machines take a step to start. */
export function hasStartStep(sig: Signature, machine: number): boolean {
  const m = sig.machine(machine);
  return m.states[m.start]?.entry !== undefined;
}

/** The state before a step: every function declared and unconstrained. */
export class StoredFrame implements Frame {
  private readonly sig: Signature;
  constructor(sig: Signature) {
    this.sig = sig;
  }
  private fn(name: string, args: string, result: string): string {
    const n = sym(name);
    this.sig.b.ensure(`fun ${n}`, () => `(declare-fun ${n} (${args}) ${result})`);
    return n;
  }
  state(machine: number, x: Term): Term {
    const m = this.sig.machine(machine);
    const sort = this.sig.stateSort(machine);
    return app(this.fn(`${m.name}.state`, this.sig.idSort(machine), sort), sort, x);
  }
  started(machine: number, x: Term): Term {
    if (!hasStartStep(this.sig, machine)) return { s: "true", sort: "Bool", value: true };
    return app(this.fn(`${this.sig.machine(machine).name}.started`, this.sig.idSort(machine), "Bool"), "Bool", x);
  }
  variable(machine: number, slot: number, x: Term, span: Span | undefined): Term {
    const m = this.sig.machine(machine);
    const sort = this.sig.sort(m.vars[slot].type, span);
    return app(this.fn(`${m.name}.var.${m.vars[slot].name}`, this.sig.idSort(machine), sort), sort, x);
  }
  sent(x: Term): Term {
    return app(this.fn("sent", this.sig.msgSort(), "Bool"), "Bool", x);
  }
  inflight(x: Term): Term {
    return app(this.fn("inflight", this.sig.msgSort(), "Bool"), "Bool", x);
  }
}

/** The initial state: start states, variables at their defaults (machine references left open), nothing sent. */
export class InitFrame implements Frame {
  private readonly sig: Signature;
  constructor(sig: Signature) {
    this.sig = sig;
  }
  state(machine: number): Term {
    return this.sig.stateConst(machine, this.sig.machine(machine).start);
  }
  started(machine: number): Term {
    return { s: hasStartStep(this.sig, machine) ? "false" : "true", sort: "Bool", value: !hasStartStep(this.sig, machine) };
  }
  variable(machine: number, slot: number, x: Term, span: Span | undefined): Term {
    const m = this.sig.machine(machine);
    const d = this.sig.defaultValue(m.vars[slot].type, span);
    if (d !== undefined) return d;
    const sort = this.sig.sort(m.vars[slot].type, span);
    const n = sym(`${m.name}.var.${m.vars[slot].name}#init`);
    this.sig.b.ensure(`fun ${n}`, () => `(declare-fun ${n} (${this.sig.idSort(machine)}) ${sort})`);
    return app(n, sort, x);
  }
  sent(): Term {
    return { s: "false", sort: "Bool", value: false };
  }
  inflight(): Term {
    return { s: "false", sort: "Bool", value: false };
  }
}

/** Messages added by a step so far: single sends (each under its guard) and the sets sent by loops. */
export interface Added {
  readonly sends: readonly { readonly id: Term; readonly guard: Term }[];
  readonly loops: readonly { readonly pred: string; readonly guard: Term }[];
}

export function isAdded(added: Added, x: Term): Term {
  return or(
    ...added.sends.map((s) => and(s.guard, eq(x, s.id))),
    ...added.loops.map((l) => and(l.guard, app(l.pred, "Bool", x))),
  );
}

export interface OverlayChanges {
  readonly machine: number;
  readonly self: Term;
  readonly state: Term;
  readonly started: Term | undefined;
  /** The running machine's variables. */
  readonly vars: readonly Term[];
  readonly added: Added;
  /** The message the step took, no longer in flight. */
  readonly taken: Term | undefined;
}

/** The functions of a derived frame, each defined (`NAME#suffix`) the first time it is used. */
class Definitions {
  private readonly sig: Signature;
  private readonly suffix: string;
  private readonly names = new Map<string, string>();

  constructor(sig: Signature, suffix: string) {
    this.sig = sig;
    this.suffix = suffix;
  }

  define(key: string, argSort: string, result: string, body: (x: Term) => Term): string {
    let name = this.names.get(key);
    if (name === undefined) {
      name = sym(`${key}#${this.suffix}`);
      const n = name;
      this.names.set(key, n);
      const x: Term = { s: "x", sort: argSort };
      this.sig.b.ensure(`fun ${n}`, () => `(define-fun ${n} ((x ${argSort})) ${result} ${body(x).s})`);
    }
    return name;
  }
}

/** A state reached from `base` by the running machine's changes; functions are defined on first use. */
export class OverlayFrame implements Frame {
  private readonly sig: Signature;
  private readonly base: Frame;
  private readonly c: OverlayChanges;
  private readonly defs: Definitions;

  constructor(sig: Signature, base: Frame, changes: OverlayChanges, suffix: string) {
    this.sig = sig;
    this.base = base;
    this.c = changes;
    this.defs = new Definitions(sig, suffix);
  }

  state(machine: number, x: Term): Term {
    if (machine !== this.c.machine) return this.base.state(machine, x);
    const m = this.sig.machine(machine);
    const sort = this.sig.stateSort(machine);
    const f = this.defs.define(`${m.name}.state`, this.sig.idSort(machine), sort, (y) => ite(eq(y, this.c.self), this.c.state, this.base.state(machine, y)));
    return app(f, sort, x);
  }

  started(machine: number, x: Term): Term {
    if (machine !== this.c.machine || this.c.started === undefined || !hasStartStep(this.sig, machine)) return this.base.started(machine, x);
    const m = this.sig.machine(machine);
    const f = this.defs.define(`${m.name}.started`, this.sig.idSort(machine), "Bool", (y) => ite(eq(y, this.c.self), this.c.started!, this.base.started(machine, y)));
    return app(f, "Bool", x);
  }

  variable(machine: number, slot: number, x: Term, span: Span | undefined): Term {
    if (machine !== this.c.machine) return this.base.variable(machine, slot, x, span);
    const m = this.sig.machine(machine);
    const unchanged = this.base.variable(machine, slot, this.c.self, span);
    if (unchanged.s === this.c.vars[slot].s) return this.base.variable(machine, slot, x, span);
    const sort = this.sig.sort(m.vars[slot].type, span);
    const f = this.defs.define(`${m.name}.var.${m.vars[slot].name}`, this.sig.idSort(machine), sort, (y) =>
      ite(eq(y, this.c.self), this.c.vars[slot], this.base.variable(machine, slot, y, span)),
    );
    return app(f, sort, x);
  }

  sent(x: Term): Term {
    if (this.c.added.sends.length === 0 && this.c.added.loops.length === 0) return this.base.sent(x);
    const f = this.defs.define("sent", this.sig.msgSort(), "Bool", (y) => or(this.base.sent(y), isAdded(this.c.added, y)));
    return app(f, "Bool", x);
  }

  inflight(x: Term): Term {
    const f = this.defs.define("inflight", this.sig.msgSort(), "Bool", (y) => {
      const kept = this.c.taken === undefined ? this.base.inflight(y) : and(this.base.inflight(y), not(eq(y, this.c.taken)));
      return or(kept, isAdded(this.c.added, y));
    });
    return app(f, "Bool", x);
  }
}

/** One of several steps from the same state, taken when its guard holds (the guards exclude each other). */
export interface Branch {
  readonly guard: Term;
  /** The machine type that moves. */
  readonly machine: number;
  readonly post: Frame;
}

/**
 * The state after one step chosen among `branches`: each function is the post-state's of the branch
 * whose guard holds, and the base's where none does (or the branch moves another machine type).
 */
export class ChoiceFrame implements Frame {
  private readonly sig: Signature;
  private readonly base: Frame;
  private readonly branches: readonly Branch[];
  private readonly defs: Definitions;

  constructor(sig: Signature, base: Frame, branches: readonly Branch[], suffix: string) {
    this.sig = sig;
    this.base = base;
    this.branches = branches;
    this.defs = new Definitions(sig, suffix);
  }

  private pick(machine: number | undefined, get: (f: Frame) => Term): Term {
    const moving = this.branches.filter((b) => machine === undefined || b.machine === machine);
    return moving.reduceRight((acc, b) => ite(b.guard, get(b.post), acc), get(this.base));
  }

  state(machine: number, x: Term): Term {
    const sort = this.sig.stateSort(machine);
    const f = this.defs.define(`${this.sig.machine(machine).name}.state`, this.sig.idSort(machine), sort, (y) => this.pick(machine, (fr) => fr.state(machine, y)));
    return app(f, sort, x);
  }

  started(machine: number, x: Term): Term {
    if (!hasStartStep(this.sig, machine)) return this.base.started(machine, x);
    const f = this.defs.define(`${this.sig.machine(machine).name}.started`, this.sig.idSort(machine), "Bool", (y) => this.pick(machine, (fr) => fr.started(machine, y)));
    return app(f, "Bool", x);
  }

  variable(machine: number, slot: number, x: Term, span: Span | undefined): Term {
    const m = this.sig.machine(machine);
    const sort = this.sig.sort(m.vars[slot].type, span);
    const f = this.defs.define(`${m.name}.var.${m.vars[slot].name}`, this.sig.idSort(machine), sort, (y) => this.pick(machine, (fr) => fr.variable(machine, slot, y, span)));
    return app(f, sort, x);
  }

  sent(x: Term): Term {
    const f = this.defs.define("sent", this.sig.msgSort(), "Bool", (y) => this.pick(undefined, (fr) => fr.sent(y)));
    return app(f, "Bool", x);
  }

  inflight(x: Term): Term {
    const f = this.defs.define("inflight", this.sig.msgSort(), "Bool", (y) => this.pick(undefined, (fr) => fr.inflight(y)));
    return app(f, "Bool", x);
  }
}
