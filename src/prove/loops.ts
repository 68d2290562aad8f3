// Loops in symbolic execution. A loop whose condition is a known constant at each iteration is
// unrolled. Otherwise its loop invariants stand for it: they must hold on entry; from an arbitrary
// state where they hold (what the body writes havocked, the messages the loop sent so far an
// arbitrary fresh set) one iteration must keep them; after the loop, such an arbitrary state is
// where it ends.
import type { Span } from "../diagnostics/source.ts";
import type { ExprIR, LValueIR, StmtIR } from "../ir/ir.ts";
import { isAdded } from "./frame.ts";
import { and, app, bool, implies, not, or, sym, Unsupported, type Term } from "./smt.ts";
import { structure, type Signature } from "./signature.ts";
import { translate, type Env } from "./translate.ts";
import type { ExecState, Executor, Exit, Flow } from "./exec.ts";

const MAX_UNROLL = 64;


export function whileLoop(ex: Executor, s: Extract<StmtIR, { k: "while" }>, st: ExecState): Flow {
  // Unrolled while the condition is a known constant on entry to each iteration.
  const exits: Exit[] = [];
  let cur: ExecState | undefined = st;
  for (let i = 0; cur !== undefined && i <= MAX_UNROLL; i++) {
    const c = ex.evaluate(s.condition, cur);
    if (c.value.value === undefined || c.st === undefined || c.exits.length > 0) break;
    if (c.value.value === false) return { normal: cur, exits };
    const flow = ex.block(s.body, cur);
    const next = [flow.normal, ...flow.exits.filter((x) => x.kind === "continue").map((x) => x.st)].filter((x): x is ExecState => x !== undefined);
    const after = flow.exits.filter((x) => x.kind === "break").map((x) => x.st);
    exits.push(...flow.exits.filter((x) => x.kind !== "break" && x.kind !== "continue"));
    if (after.length > 0) throw new Unsupported("break in an unrolled loop", s.span);
    cur = next.length === 0 ? undefined : ex.merge(next, or(...next.map((x) => x.pc)));
    if (cur === undefined) return { normal: undefined, exits };
  }
  if (s.invariants.length === 0) throw new Unsupported("a loop without loop invariants", s.span);
  if (cur !== st) throw new Unsupported("a loop whose condition is known for some iterations only", s.span);
  return summarise(ex, s.invariants, s.body, st, s.span, (iter) => {
    const c = ex.evaluate(s.condition, iter);
    if (c.st === undefined || c.exits.length > 0) throw new Unsupported("a loop condition with effects", s.span);
    return { enter: c.value, item: undefined };
  });
}

export function foreachLoop(ex: Executor, s: Extract<StmtIR, { k: "foreach" }>, st: ExecState): Flow {
  if (s.invariants.length === 0) throw new Unsupported("a foreach loop without loop invariants", s.span);
  const source = ex.evaluate(s.source, st);
  if (source.st === undefined || source.exits.length > 0) throw new Unsupported("a foreach over an expression with effects", s.span);
  const collection = source.value;
  const base = structure(s.source.type);
  return summarise(ex, s.invariants, s.body, source.st, s.span, () => {
    const x = ex.havoc(s.item.type, s.span);
    let member: Term;
    if (s.collection === "set") member = { s: `(select ${collection.s} ${x.s})`, sort: "Bool" };
    else if (s.collection === "map") member = { s: `(select (${sym(`${base}.dom`)} ${collection.s}) ${x.s})`, sort: "Bool" };
    else {
      const j = ex.sig.b.constant("index", "Int");
      member = { s: `(and (<= 0 ${j.s}) (< ${j.s} (${sym(`${base}.len`)} ${collection.s})) (= ${x.s} (select (${sym(`${base}.elems`)} ${collection.s}) ${j.s})))`, sort: "Bool" };
    }
    return { enter: member, item: { lv: s.item, value: x } };
  });
}

/**
 * A loop summarised by its invariants: they must hold on entry; from an arbitrary state where they
 * hold (what the body writes havocked, the messages the loop sent so far an arbitrary fresh set),
 * one iteration must keep them; after the loop, such an arbitrary state stands for the loop's end.
 */
function summarise(
ex: Executor,
  invariants: readonly ExprIR[],
  body: readonly StmtIR[],
  st: ExecState,
  span: Span,
  iteration: (iter: ExecState) => { enter: Term; item: { lv: LValueIR; value: Term } | undefined },
): Flow {
  const none = () => bool(false);
  for (const inv of invariants) {
    const env: Env = { ...ex.env(st), frame: ex.frameAt(st, ex.taken), newMessages: none };
    ex.addCheck({ kind: "loop-entry", guard: st.pc, condition: translate(ex.sig, env, inv), span: inv.span, description: "loop invariant on entry" });
  }
  const written = writtenIn(body, ex.sig);
  const havocked = (): { state: ExecState; loop: string } => {
    const loop = ex.sig.b.fresh("loop");
    const name = sym(loop);
    const msg = ex.sig.msgSort();
    const earlier = [...ex.freshIds.map((x) => `(= x ${x.s})`), ...ex.freshLoops.map((l) => `(${l} x)`), ...st.sends.map((x) => `(= x ${x.id.s})`)];
    ex.sig.b.line(`(declare-fun ${name} (${msg}) Bool)`);
    ex.sig.b.assert({ s: `(forall ((x ${msg})) (=> (${name} x) (and (not ${ex.pre.sent({ s: "x", sort: msg }).s}) ${earlier.length === 0 ? "true" : `(not (or false ${earlier.join(" ")}))`})))`, sort: "Bool" });
    ex.freshLoops.push(name);
    const vars = st.vars.map((v, i) => (written.vars.has(i) || written.all ? ex.havoc(ex.sig.model.machines[ex.machine].vars[i].type, span) : v));
    const locals = st.locals.map((v, i) => (written.locals.has(i) ? ex.sig.b.constant("any", v.sort) : v));
    return { state: { ...st, vars, locals, loops: [...st.loops, { pred: name, guard: st.pc }] }, loop: name };
  };
  const assume = (state: ExecState, loop: string, extra: (x: Term) => Term) => {
    const env: Env = { ...ex.env(state), frame: ex.frameAt(state, ex.taken), newMessages: (x) => or(app(loop, "Bool", x), extra(x)) };
    return and(...invariants.map((inv) => translate(ex.sig, env, inv)));
  };
  // One arbitrary iteration.
  const iter = havocked();
  ex.sig.b.assert(implies(st.pc, assume(iter.state, iter.loop, none)));
  const step = iteration(iter.state);
  let start: ExecState = { ...iter.state, pc: ex.sig.b.share("pc", and(st.pc, step.enter)) };
  if (step.item !== undefined) start = ex.write(step.item.lv, start, () => step.item!.value);
  const flow = ex.block(body, start);
  const ends = [flow.normal, ...flow.exits.filter((x) => x.kind === "continue").map((x) => x.st)].filter((x): x is ExecState => x !== undefined);
  const before = new Set(iter.state.sends.map((x) => x.id.s));
  for (const end of ends) {
    const sentInBody = { sends: end.sends.filter((x) => !before.has(x.id.s)), loops: end.loops.filter((l) => !iter.state.loops.includes(l)) };
    const env: Env = { ...ex.env(end), frame: ex.frameAt(end, ex.taken), newMessages: (x) => or(app(iter.loop, "Bool", x), isAdded(sentInBody, x)) };
    for (const inv of invariants) {
      ex.addCheck({ kind: "loop-step", guard: end.pc, condition: translate(ex.sig, env, inv), span: inv.span, description: "loop invariant after an iteration" });
    }
  }
  const exits = flow.exits.filter((x) => x.kind !== "continue" && x.kind !== "break");
  if (flow.exits.some((x) => x.kind === "break")) throw new Unsupported("break in a loop summarised by invariants", span);
  // The end of the loop.
  const done = havocked();
  const doneStep = iteration(done.state);
  ex.sig.b.assert(implies(st.pc, assume(done.state, done.loop, none)));
  const exitPc = step.item === undefined ? ex.sig.b.share("pc", and(st.pc, not(doneStep.enter))) : st.pc;
  return { normal: { ...done.state, pc: exitPc }, exits };
}

/** The machine variables and locals a loop body may write (all variables when it calls a function). */
function writtenIn(body: readonly StmtIR[], sig: Signature): { vars: Set<number>; locals: Set<number>; all: boolean } {
  const out = { vars: new Set<number>(), locals: new Set<number>(), all: false };
  const root = (lv: LValueIR): void => {
    if (lv.k === "var") out.vars.add(lv.slot);
    else if (lv.k === "local") out.locals.add(lv.slot);
    else root(lv.target);
  };
  const expr = (e: ExprIR | undefined): void => {
    if (e !== undefined && containsCall(e)) out.all = true;
  };
  const walk = (stmts: readonly StmtIR[]): void => {
    for (const s of stmts) {
      switch (s.k) {
        case "assign":
          root(s.target);
          expr(s.value);
          break;
        case "insert":
        case "remove":
          root(s.target);
          break;
        case "eval":
          expr(s.expr);
          break;
        case "while":
          walk(s.body);
          break;
        case "foreach":
          root(s.item);
          walk(s.body);
          break;
        case "if":
          expr(s.condition);
          walk(s.then);
          walk(s.else);
          break;
        case "send":
          expr(s.target);
          expr(s.payload);
          break;
        default:
          break;
      }
    }
  };
  walk(body);
  void sig;
  return out;
}

function containsCall(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(containsCall);
  if (node === null || typeof node !== "object") return false;
  const o = node as Record<string, unknown>;
  if (o.k === "call") return true;
  for (const [key, value] of Object.entries(o)) if (key !== "type" && key !== "span" && containsCall(value)) return true;
  return false;
}
