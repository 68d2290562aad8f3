// Symbolic execution of machine code: a function body becomes the values it leaves behind, as terms
// over the state before the step. Branches are merged with `ite` on their path conditions; `send`
// adds a fresh message (an id not sent before, labelled with its event, target and payload);
// `goto`, `raise` and `return` end a path and are collected as exits; calls are inlined; loops are
// in loops.ts. `assert` records an obligation and is assumed afterwards.
import type { Span } from "../diagnostics/source.ts";
import type { ExprIR, FunctionIR, LValueIR, StmtIR } from "../ir/ir.ts";
import type { Type } from "../types/types.ts";
import { OverlayFrame, type Frame } from "./frame.ts";
import { foreachLoop, whileLoop } from "./loops.ts";
import { and, app, eq, implies, ite, not, or, sym, TRUE, Unsupported, type Term } from "./smt.ts";
import { structure, type Signature } from "./signature.ts";
import { coerce, translate, type Effects, type Env } from "./translate.ts";

export interface SendRecord {
  readonly id: Term;
  readonly guard: Term;
  readonly event: number;
  readonly span: Span;
}

export interface LoopSendRecord {
  readonly pred: string;
  readonly guard: Term;
}

/** The running machine's step so far, along one path (or several merged). */
export interface ExecState {
  readonly pc: Term;
  readonly vars: readonly Term[];
  readonly locals: readonly Term[];
  readonly sends: readonly SendRecord[];
  readonly loops: readonly LoopSendRecord[];
  /** The control state on this path (changes only through goto, which ends a function's paths). */
  readonly state: number;
}

export type Exit =
  | { readonly kind: "return"; readonly st: ExecState; readonly value: Term | undefined }
  | { readonly kind: "goto"; readonly st: ExecState; readonly target: number; readonly payload: Term | undefined; readonly payloadType: Type | undefined }
  | { readonly kind: "raise"; readonly st: ExecState; readonly event: number; readonly payload: Term | undefined; readonly payloadType: Type | undefined }
  | { readonly kind: "break"; readonly st: ExecState }
  | { readonly kind: "continue"; readonly st: ExecState };

export interface Flow {
  readonly normal: ExecState | undefined;
  readonly exits: readonly Exit[];
}

/** Something the code must guarantee: an assertion, or a loop invariant on entry or after an iteration. */
export interface Check {
  readonly kind: "assert" | "loop-entry" | "loop-step" | "unhandled-raise";
  readonly guard: Term;
  readonly condition: Term;
  readonly span: Span;
  readonly description: string;
  /** How many of the step's assumptions come before it (the check may rely on those only). */
  readonly before: number;
}

const MAX_CALL_DEPTH = 8;

export class Executor {
  readonly sig: Signature;
  /** The state before the step. */
  readonly pre: Frame;
  readonly machine: number;
  readonly self: Term;
  readonly checks: Check[] = [];
  /** Facts the step relies on (assertions that passed, choices made). */
  readonly assumptions: Term[] = [];
  /** Every message id created in this step, and the sets of messages its loops sent (for freshness). */
  readonly freshIds: Term[] = [];
  readonly freshLoops: string[] = [];
  private callDepth = 0;
  /** The message the step took (no longer in flight while its handler runs). */
  taken: Term | undefined;

  constructor(sig: Signature, pre: Frame, machine: number, self: Term) {
    this.sig = sig;
    this.pre = pre;
    this.machine = machine;
    this.self = self;
  }

  addCheck(check: Omit<Check, "before">): void {
    this.checks.push({ ...check, before: this.assumptions.length });
  }

  // -- frames -------------------------------------------------------------------------------------

  /** The whole system as it is at `st`: what formulas in code (loop invariants) are evaluated over. */
  frameAt(st: ExecState, taken: Term | undefined): Frame {
    return new OverlayFrame(
      this.sig,
      this.pre,
      { machine: this.machine, self: this.self, state: this.sig.stateConst(this.machine, st.state), started: TRUE, vars: st.vars, added: st, taken },
      this.sig.b.fresh("at"),
    );
  }

  // -- functions -------------------------------------------------------------------------------------

  /** Runs `fn` with `args` from `st`; returns the flow, with `return` exits turned into normal ends. */
  callFunction(fn: FunctionIR, args: readonly Term[], st: ExecState, span: Span): { flow: Flow; result: Term | undefined } {
    if (fn.enclosing !== undefined || fn.kind === "receive") throw new Unsupported("receive", span);
    if (this.callDepth >= MAX_CALL_DEPTH) throw new Unsupported(`recursion (calling ${fn.name})`, span);
    const locals: Term[] = [];
    for (let i = 0; i < fn.locals.length; i++) {
      if (i < fn.paramCount) locals.push(args[i] ?? this.havoc(fn.locals[i].type, fn.span));
      else locals.push(this.sig.defaultValue(fn.locals[i].type, fn.span) ?? this.havoc(fn.locals[i].type, fn.span));
    }
    const outerLocals = st.locals;
    this.callDepth++;
    let flow: Flow;
    try {
      flow = this.block(fn.body, { ...st, locals });
    } finally {
      this.callDepth--;
    }
    const ends: { st: ExecState; value: Term | undefined }[] = [];
    if (flow.normal !== undefined) ends.push({ st: flow.normal, value: undefined });
    const others: Exit[] = [];
    for (const x of flow.exits) {
      if (x.kind === "return") ends.push({ st: x.st, value: x.value });
      else if (x.kind === "break" || x.kind === "continue") throw new Error("break outside a loop");
      else others.push({ ...x, st: { ...x.st, locals: outerLocals } });
    }
    if (ends.length === 0) return { flow: { normal: undefined, exits: others }, result: undefined };
    const merged = this.merge(ends.map((e) => e.st), or(...ends.map((e) => e.st.pc)));
    let result: Term | undefined;
    if (fn.returnType !== undefined) {
      const values = ends.map((e) => ({ pc: e.st.pc, value: e.value === undefined ? this.havoc(fn.returnType!, fn.span) : e.value }));
      result = this.sig.b.share("ret", values.reduceRight<Term | undefined>((acc, v) => (acc === undefined ? v.value : ite(v.pc, v.value, acc)), undefined)!);
    }
    return { flow: { normal: { ...merged, locals: outerLocals }, exits: others }, result };
  }

  // -- statements -----------------------------------------------------------------------------------

  block(stmts: readonly StmtIR[], st: ExecState): Flow {
    let current: ExecState | undefined = st;
    const exits: Exit[] = [];
    for (const s of stmts) {
      if (current === undefined) break;
      const flow = this.stmt(s, current);
      exits.push(...flow.exits);
      current = flow.normal;
    }
    return { normal: current, exits };
  }

  private stmt(s: StmtIR, st: ExecState): Flow {
    switch (s.k) {
      case "assign": {
        const ev = this.evaluate(s.value, st);
        if (ev.st === undefined) return { normal: undefined, exits: ev.exits };
        const value = coerce(this.sig, ev.value, s.value.type, s.target.type, s.span);
        return { normal: this.write(s.target, ev.st, () => value), exits: ev.exits };
      }
      case "insert":
      case "remove":
        return this.update(s, st);
      case "eval": {
        const ev = this.evaluate(s.expr, st);
        return { normal: ev.st, exits: ev.exits };
      }
      case "assert": {
        const ev = this.evaluate(s.condition, st);
        if (ev.st === undefined) return { normal: undefined, exits: ev.exits };
        const message = s.message?.k === "const" && typeof s.message.value === "string" ? `: ${s.message.value}` : "";
        this.addCheck({ kind: "assert", guard: ev.st.pc, condition: ev.value, span: s.span, description: `assertion${message}` });
        this.assumptions.push(implies(ev.st.pc, ev.value));
        return { normal: ev.st, exits: ev.exits };
      }
      case "print":
        return { normal: st, exits: [] };
      case "return": {
        if (s.value === undefined) return { normal: undefined, exits: [{ kind: "return", st, value: undefined }] };
        const ev = this.evaluate(s.value, st);
        if (ev.st === undefined) return { normal: undefined, exits: ev.exits };
        return { normal: undefined, exits: [...ev.exits, { kind: "return", st: ev.st, value: ev.value }] };
      }
      case "break":
      case "continue":
        return { normal: undefined, exits: [{ kind: s.k, st }] };
      case "if": {
        const ev = this.evaluate(s.condition, st);
        if (ev.st === undefined) return { normal: undefined, exits: ev.exits };
        const c = this.sig.b.share("c", ev.value);
        const base = ev.st;
        const thenFlow = c.value === false ? { normal: undefined, exits: [] } : this.block(s.then, { ...base, pc: this.sig.b.share("pc", and(base.pc, c)) });
        const elseFlow = c.value === true ? { normal: undefined, exits: [] } : this.block(s.else, { ...base, pc: this.sig.b.share("pc", and(base.pc, not(c))) });
        const ends = [thenFlow.normal, elseFlow.normal].filter((x): x is ExecState => x !== undefined);
        const normal = ends.length === 0 ? undefined : ends.length === 1 ? ends[0] : this.mergeIf(c, ends[0], ends[1], base.pc);
        return { normal, exits: [...ev.exits, ...thenFlow.exits, ...elseFlow.exits] };
      }
      case "while":
        return whileLoop(this, s, st);
      case "foreach":
        return foreachLoop(this, s, st);
      case "raise": {
        if (s.event.k !== "const" || typeof s.event.value !== "number") throw new Unsupported("raise of an event chosen at run time", s.span);
        const event = s.event.value;
        const p = s.payload === undefined ? { value: undefined, st, exits: [] as Exit[] } : this.evaluate(s.payload, st);
        if (p.st === undefined) return { normal: undefined, exits: p.exits };
        return { normal: undefined, exits: [...p.exits, { kind: "raise", st: p.st, event, payload: p.value, payloadType: s.payload?.type }] };
      }
      case "send":
        return this.send(s, st);
      case "announce":
        // Monitors are not part of the proof: announcing has no effect on the machines.
        return { normal: st, exits: [] };
      case "goto": {
        const p = s.payload === undefined ? { value: undefined, st, exits: [] as Exit[] } : this.evaluate(s.payload, st);
        if (p.st === undefined) return { normal: undefined, exits: p.exits };
        return { normal: undefined, exits: [...p.exits, { kind: "goto", st: p.st, target: s.state, payload: p.value, payloadType: s.payload?.type }] };
      }
      case "receive":
        throw new Unsupported("receive", s.span);
    }
  }

  private send(s: Extract<StmtIR, { k: "send" }>, st: ExecState): Flow {
    if (s.event.k !== "const" || typeof s.event.value !== "number") throw new Unsupported("send of an event chosen at run time", s.span);
    const event = s.event.value;
    if (event <= 1) throw new Unsupported(`send of ${event === 1 ? "halt" : "null"}`, s.span);
    const target = this.evaluate(s.target, st);
    if (target.st === undefined) return { normal: undefined, exits: target.exits };
    let cur = target.st;
    const exits = [...target.exits];
    let payload: Term | undefined;
    if (s.payload !== undefined) {
      const p = this.evaluate(s.payload, cur);
      if (p.st === undefined) return { normal: undefined, exits: [...exits, ...p.exits] };
      exits.push(...p.exits);
      cur = p.st;
      const declared = this.sig.model.events[event].payload;
      payload = declared === undefined ? undefined : coerce(this.sig, p.value, s.payload.type, declared, s.span);
    }
    const id = this.freshMessage();
    const labels = [eq(this.sig.msgEvent(id), this.sig.eventConst(event)), eq(this.sig.msgTarget(id), this.sig.asMachine(target.value))];
    if (payload !== undefined) labels.push(eq(this.sig.msgPayload(id, event, s.span), payload));
    this.sig.b.assert(implies(cur.pc, and(...labels)));
    return { normal: { ...cur, sends: [...cur.sends, { id, guard: cur.pc, event, span: s.span }] }, exits };
  }

  /** A message id never sent before, and different from every other one this step creates. */
  private freshMessage(): Term {
    const id = this.sig.b.constant("new", this.sig.msgSort());
    const different = [not(this.pre.sent(id)), ...this.freshIds.map((x) => not(eq(x, id))), ...this.freshLoops.map((l) => not(app(l, "Bool", id)))];
    this.sig.b.assert(and(...different));
    this.freshIds.push(id);
    return id;
  }

  // -- collections ---------------------------------------------------------------------------------

  private update(s: Extract<StmtIR, { k: "insert" | "remove" }>, st: ExecState): Flow {
    const key = s.key === undefined ? undefined : this.evaluate(s.key, st);
    let cur = key?.st ?? st;
    const exits = [...(key?.exits ?? [])];
    if (key !== undefined && key.st === undefined) return { normal: undefined, exits };
    let value: Term | undefined;
    if (s.k === "insert") {
      const v = this.evaluate(s.value, cur);
      if (v.st === undefined) return { normal: undefined, exits: [...exits, ...v.exits] };
      exits.push(...v.exits);
      cur = v.st;
      value = v.value;
    }
    const type = s.target.type;
    const base = structure(type);
    const f = (old: Term): Term => {
      if (type.kind === "Set") {
        const el = s.k === "insert" ? coerce(this.sig, value!, s.value.type, type.element, s.span) : coerce(this.sig, key!.value, s.key!.type, type.element, s.span);
        const updated = this.sig.b.share("set", { s: `(store ${old.s} ${el.s} ${s.k === "insert" ? "true" : "false"})`, sort: old.sort });
        this.sig.setUpdate(old, updated, el, s.k === "insert");
        return updated;
      }
      if (type.kind === "Map") {
        const k = coerce(this.sig, key!.value, s.key!.type, type.key, s.span);
        const dom = `(${sym(`${base}.dom`)} ${old.s})`;
        const val = `(${sym(`${base}.val`)} ${old.s})`;
        if (s.k === "remove") {
          const d = this.sig.defaultValue(type.value, s.span);
          const vals = d === undefined ? val : `(store ${val} ${k.s} ${d.s})`;
          return { s: `(${sym(`${base}.mk`)} (store ${dom} ${k.s} false) ${vals})`, sort: old.sort };
        }
        const v = coerce(this.sig, value!, s.value.type, type.value, s.span);
        return { s: `(${sym(`${base}.mk`)} (store ${dom} ${k.s} true) (store ${val} ${k.s} ${v.s}))`, sort: old.sort };
      }
      if (type.kind === "Seq") {
        const i = key!.value;
        const len = `(${sym(`${base}.len`)} ${old.s})`;
        const elems = `(${sym(`${base}.elems`)} ${old.s})`;
        if (s.k === "remove") {
          return { s: `(${sym(`${base}.mk`)} (- ${len} 1) (lambda ((j Int)) (ite (< j ${i.s}) (select ${elems} j) (select ${elems} (+ j 1)))))`, sort: old.sort };
        }
        const v = coerce(this.sig, value!, s.value.type, type.element, s.span);
        return {
          s: `(${sym(`${base}.mk`)} (+ ${len} 1) (lambda ((j Int)) (ite (< j ${i.s}) (select ${elems} j) (ite (= j ${i.s}) ${v.s} (select ${elems} (- j 1))))))`,
          sort: old.sort,
        };
      }
      throw new Unsupported(`updating a ${structure(type)}`, s.span);
    };
    return { normal: this.write(s.target, cur, f), exits };
  }

  /** Reads an assignable location. */
  private read(lv: LValueIR, st: ExecState): Term {
    switch (lv.k) {
      case "local":
        if (lv.depth > 0) throw new Unsupported("a variable of the function enclosing a receive case", undefined);
        return st.locals[lv.slot];
      case "var":
        return st.vars[lv.slot];
      case "get": {
        const t = this.read(lv.target, st);
        return app(this.sig.selectorName(lv.target.type, lv.index), this.sig.sort(lv.type, undefined), t);
      }
      case "index": {
        const t = this.read(lv.target, st);
        const base = structure(lv.target.type);
        const k = translate(this.sig, this.env(st), lv.key);
        const arr = lv.collection === "seq" ? `${base}.elems` : `${base}.val`;
        return { s: `(select (${sym(arr)} ${t.s}) ${k.s})`, sort: this.sig.sort(lv.type, lv.key.span) };
      }
    }
  }

  /** Writes `f(old)` into an assignable location, rebuilding the tuples, maps and sequences around it. */
  write(lv: LValueIR, st: ExecState, f: (old: Term) => Term): ExecState {
    switch (lv.k) {
      case "local": {
        if (lv.depth > 0) throw new Unsupported("a variable of the function enclosing a receive case", undefined);
        const locals = [...st.locals];
        locals[lv.slot] = this.sig.b.share("l", f(st.locals[lv.slot]));
        return { ...st, locals };
      }
      case "var": {
        const vars = [...st.vars];
        vars[lv.slot] = this.sig.b.share("v", f(st.vars[lv.slot]));
        return { ...st, vars };
      }
      case "get": {
        const t = lv.target.type;
        return this.write(lv.target, st, (old) => {
          const n = t.kind === "Tuple" ? t.elements.length : t.kind === "NamedTuple" ? t.fields.length : 0;
          const parts: Term[] = [];
          for (let i = 0; i < n; i++) {
            const field = app(this.sig.selectorName(t, i), "", old);
            parts.push(i === lv.index ? f({ ...field, sort: this.sig.sort(lv.type, undefined) }) : field);
          }
          return app(this.sig.constructorName(t), old.sort, ...parts);
        });
      }
      case "index": {
        const t = lv.target.type;
        const base = structure(t);
        const k = translate(this.sig, this.env(st), lv.key);
        return this.write(lv.target, st, (old) => {
          if (lv.collection === "seq") {
            const elems = `(${sym(`${base}.elems`)} ${old.s})`;
            const v = f({ s: `(select ${elems} ${k.s})`, sort: this.sig.sort(lv.type, lv.key.span) });
            return { s: `(${sym(`${base}.mk`)} (${sym(`${base}.len`)} ${old.s}) (store ${elems} ${k.s} ${v.s}))`, sort: old.sort };
          }
          const dom = `(${sym(`${base}.dom`)} ${old.s})`;
          const vals = `(${sym(`${base}.val`)} ${old.s})`;
          const v = f({ s: `(select ${vals} ${k.s})`, sort: this.sig.sort(lv.type, lv.key.span) });
          return { s: `(${sym(`${base}.mk`)} (store ${dom} ${k.s} true) (store ${vals} ${k.s} ${v.s}))`, sort: old.sort };
        });
      }
    }
  }

  // -- expressions -------------------------------------------------------------------------------------

  /** The environment of code at `st` (formulas in it read the state before the step for other machines). */
  env(st: ExecState, effects?: Effects): Env {
    return { frame: this.pre, self: { machine: this.machine, id: this.self }, vars: st.vars, locals: st.locals, bound: [], effects };
  }

  /** Evaluates an expression of code; calls may change the state or leave by goto or raise. */
  evaluate(e: ExprIR, st: ExecState): { value: Term; st: ExecState | undefined; exits: Exit[] } {
    let cur: ExecState = st;
    let alive = true;
    const exits: Exit[] = [];
    const effects: Effects = {
      call: (call, args) => {
        const fn = this.sig.model.functions[call.fn];
        const coerced = args.map((a, i) => coerce(this.sig, a, call.args[i].type, fn.locals[i].type, call.span));
        const r = this.callFunction(fn, coerced, cur, call.span);
        exits.push(...r.flow.exits);
        if (r.flow.normal === undefined) {
          alive = false;
          return this.havoc(call.type, call.span);
        }
        cur = r.flow.normal;
        return r.result ?? this.havoc(call.type, call.span);
      },
      choose: (c, operand) => this.choose(c, operand, cur.pc),
      fresh: (type, span) => this.havoc(type, span),
    };
    const value = translate(this.sig, this.env(cur, effects), e);
    // The environment captured `cur` before calls changed it; a call's effects are in `cur` now.
    return { value, st: alive ? cur : undefined, exits };
  }

  /** A value nothing is known about. */
  havoc(type: Type, span: Span): Term {
    return this.sig.b.constant("any", this.sig.sort(type, span));
  }

  private choose(c: Extract<ExprIR, { k: "choose" }>, operand: Term | undefined, pc: Term): Term {
    const x = this.havoc(c.type, c.span);
    if (operand === undefined) return x;
    const base = c.operand === undefined ? "" : structure(c.operand.type);
    switch (c.from) {
      case "int":
        this.sig.b.assert(implies(pc, and({ s: `(<= 0 ${x.s})`, sort: "Bool" }, { s: `(< ${x.s} ${operand.s})`, sort: "Bool" })));
        return x;
      case "set":
        this.sig.b.assert(implies(pc, { s: `(select ${operand.s} ${x.s})`, sort: "Bool" }));
        return x;
      case "map":
        this.sig.b.assert(implies(pc, { s: `(select (${sym(`${base}.dom`)} ${operand.s}) ${x.s})`, sort: "Bool" }));
        return x;
      case "seq": {
        const j = this.sig.b.constant("index", "Int");
        this.sig.b.assert(implies(pc, { s: `(and (<= 0 ${j.s}) (< ${j.s} (${sym(`${base}.len`)} ${operand.s})) (= ${x.s} (select (${sym(`${base}.elems`)} ${operand.s}) ${j.s})))`, sort: "Bool" }));
        return x;
      }
      default:
        return x;
    }
  }

  // -- merging ---------------------------------------------------------------------------------------

  private mergeIf(c: Term, a: ExecState, b: ExecState, pc: Term): ExecState {
    const pick = (x: Term, y: Term) => this.sig.b.share("m", ite(c, x, y));
    return {
      pc,
      vars: a.vars.map((v, i) => pick(v, b.vars[i])),
      locals: a.locals.map((v, i) => pick(v, b.locals[i])),
      sends: union(a.sends, b.sends),
      loops: union(a.loops, b.loops),
      state: a.state,
    };
  }

  /** States of exclusive paths merged into one: each value is chosen by its path's condition. */
  merge(states: readonly ExecState[], pc: Term): ExecState {
    if (states.length === 1) return { ...states[0], pc };
    const pick = (get: (s: ExecState) => Term) =>
      this.sig.b.share("m", states.slice(0, -1).reduceRight((acc, s) => ite(s.pc, get(s), acc), get(states[states.length - 1])));
    const first = states[0];
    return {
      pc,
      vars: first.vars.map((_, i) => pick((s) => s.vars[i])),
      locals: first.locals.map((_, i) => pick((s) => s.locals[i])),
      sends: states.reduce<readonly SendRecord[]>((acc, s) => union(acc, s.sends), []),
      loops: states.reduce<readonly LoopSendRecord[]>((acc, s) => union(acc, s.loops), []),
      state: first.state,
    };
  }

}

function union<T extends { readonly guard: Term }>(a: readonly T[], b: readonly T[]): readonly T[] {
  if (b.length === 0 || a === b) return a;
  const out = [...a];
  for (const x of b) if (!out.includes(x)) out.push(x);
  return out;
}

