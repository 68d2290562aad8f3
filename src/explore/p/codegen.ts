// Compiles the IR's functions to JavaScript source, once per model. Generated code never contains
// a name or a string from the model: locals are `v<function>_<slot>`, machine variables are
// `V[<slot>]`, and every constant that is not a number, boolean or null lives in the table `K`.
// A statement that can fail first records its position (`rt.at = <span index>`), so that a runtime
// error is reported at the statement that caused it; one that cannot (an assignment of arithmetic
// to a variable, a test of a flag) records nothing, which keeps the hot loops of handlers short.
//
// Generated functions have the signature `(rt, V, ...params)`: `rt` is the execution context
// (src/explore/p/exec.ts), `V` the running machine's variables (a mutable array of immutable
// values). Receive cases are inlined where they are written, so they see the enclosing locals.
import type { Span } from "../../diagnostics/source.ts";
import type { Type } from "../../types/types.ts";
import type { ExprIR, FunctionIR, LValueIR, ModelIR, StmtIR } from "../../ir/ir.ts";
import { isQuietExpr, quietFunctions } from "./quiet.ts";

/** What the generated code refers to by index. */
export interface CodeTables {
  /** Constants: strings, default values, types (for casts and formatting), format strings. */
  readonly constants: unknown[];
  /** Source positions, indexed by `rt.at`. */
  readonly spans: Span[];
  /** Receive statements: for each, the event ids of each case, indexed by the receive's number. */
  readonly receives: (readonly number[])[][];
}

const PRIMITIVE_EQUALITY = new Set(["Int", "Float", "Bool", "String", "Enum", "Event", "Machine", "MachineRef", "Null"]);

class FunctionWriter {
  private readonly lines: string[] = [];
  private temp = 0;
  /** Labels of the inlined receive cases we are in, innermost last (a `return` there leaves the case). */
  private readonly caseLabels: string[] = [];
  /** Labels of the loops around the statement being written, innermost last. */
  private loopLabels: string[] = [];
  private readonly model: ModelIR;
  private readonly tables: CodeTables;
  /** Function ids from the innermost (the running code) outwards, for `local` depths. */
  private readonly scopes: number[];
  private readonly defaults: (t: Type) => unknown;
  /** Which functions are quiet (quiet.ts), by id. */
  private readonly quiet: readonly boolean[];

  constructor(model: ModelIR, tables: CodeTables, scopes: number[], defaults: (t: Type) => unknown, quiet: readonly boolean[]) {
    this.model = model;
    this.tables = tables;
    this.scopes = scopes;
    this.defaults = defaults;
    this.quiet = quiet;
  }

  /** The default value of `t` as code: a literal, or the (immutable, shared) value from `K`. */
  defaultValue(t: Type): string {
    const v = this.defaults(t);
    return v === null || typeof v === "number" || typeof v === "boolean" ? String(v) : this.constant(v);
  }

  constant(value: unknown): string {
    this.tables.constants.push(value);
    return `K[${this.tables.constants.length - 1}]`;
  }

  span(span: Span): number {
    this.tables.spans.push(span);
    return this.tables.spans.length - 1;
  }

  fresh(): string {
    return `t${this.temp++}`;
  }

  local(slot: number, depth: number): string {
    return `v${this.scopes[depth]}_${slot}`;
  }

  emit(depth: number, line: string): void {
    this.lines.push("  ".repeat(depth) + line);
  }

  text(): string {
    return this.lines.join("\n");
  }

  // -------------------------------------------------------------------------------------------

  expr(e: ExprIR): string {
    switch (e.k) {
      case "const":
        if (typeof e.value === "string") return this.constant(e.value);
        if (typeof e.value === "number" && e.type.kind === "Float" && !Number.isFinite(e.value)) return this.constant(e.value);
        return e.value === null ? "null" : String(e.value);
      case "local":
        return this.local(e.slot, e.depth);
      case "var":
        return `V[${e.slot}]`;
      case "param":
        return `rt.params[${e.index}]`;
      case "this":
        return "rt.self";
      case "nondet":
        return e.fair ? "(rt.chooseFair() === 1)" : "(rt.choose(2) === 1)";
      case "tuple":
        return `[${e.elements.map((x) => this.expr(x)).join(", ")}]`;
      case "get":
        return `(${this.expr(e.target)})[${e.index}]`;
      case "index": {
        const op = e.collection === "seq" ? "seqGet" : e.collection === "set" ? "setGet" : "mapGet";
        return `R_${op}(${this.expr(e.target)}, ${this.expr(e.key)})`;
      }
      case "keys":
        return `R_mapKeys(${this.expr(e.operand)})`;
      case "values":
        return `R_mapValues(${this.expr(e.operand)})`;
      case "sizeof":
        return `R_sizeOf(${this.expr(e.operand)})`;
      case "default":
        return this.defaultValue(e.type);
      case "new":
        return `rt.create(${this.constant(e.machine)}, ${e.payload === undefined ? "undefined" : this.expr(e.payload)})`;
      case "call": {
        const call = `F[${e.fn}](rt, ${this.functionVars(e.fn)}${e.args.map((a) => `, ${this.expr(a)}`).join("")})`;
        // A quiet call with quiet arguments may be answered by what it did in an earlier run of the step.
        if (!this.quiet[e.fn] || !e.args.every((a) => isQuietExpr(a, this.quiet))) return call;
        return `(rt.quietStart() ? rt.quietResult : rt.quietEnd(${call}))`;
      }
      case "unary":
        if (e.op === "!") return `!(${this.expr(e.operand)})`;
        return e.type.kind === "Int" ? `(-(${this.expr(e.operand)}) | 0)` : `(-(${this.expr(e.operand)}))`;
      case "binary":
        return this.binary(e);
      case "in": {
        const op = e.collection === "seq" ? "seqHas" : e.collection === "set" ? "setHas" : "mapHas";
        return `R_${op}(${this.expr(e.target)}, ${this.expr(e.element)})`;
      }
      case "cast":
        return `R_castTo(${this.expr(e.operand)}, ${this.constant(e.type)})`;
      case "coerce":
        return this.coerce(e.operand, e.type);
      case "choose":
        switch (e.from) {
          case "bool":
            return "(rt.choose(2) === 1)";
          case "int":
            return `rt.chooseInt(${this.expr(e.operand!)})`;
          default:
            return `rt.chooseFrom(${this.expr(e.operand!)})`;
        }
      case "format":
        return `rt.format(${this.constant(e.format)}, [${e.args.map((a) => this.expr(a)).join(", ")}], ${this.constant(
          e.args.map((a) => a.type),
        )})`;
      case "pure":
        return `rt.pure(${this.constant(e.name)}, [${e.args.map((a) => this.expr(a)).join(", ")}])`;
      case "forall":
      case "exists":
      case "bound":
      case "machineVar":
      case "is":
      case "targets":
      case "inflight":
      case "sent":
      case "payload":
        return `rt.verificationOnly(${this.constant(e.k)})`;
    }
  }

  /** The variables a called function sees: the machine's, or (for a global function) none. */
  private functionVars(fn: number): string {
    return this.model.functions[fn]?.machine === undefined ? "null" : "V";
  }

  private binary(e: Extract<ExprIR, { k: "binary" }>): string {
    const l = this.expr(e.left);
    const r = this.expr(e.right);
    const int = e.type.kind === "Int";
    switch (e.op) {
      case "+":
        return int ? `((${l} + ${r}) | 0)` : `(${l} + ${r})`;
      case "-":
        return int ? `((${l} - ${r}) | 0)` : `(${l} - ${r})`;
      case "*":
        return int ? `Math.imul(${l}, ${r})` : `(${l} * ${r})`;
      case "/":
        return int ? `R_intDiv(${l}, ${r})` : `(${l} / ${r})`;
      case "%":
        return int ? `R_intMod(${l}, ${r})` : `(${l} % ${r})`;
      case "<":
      case "<=":
      case ">":
      case ">=":
        return `(${l} ${e.op} ${r})`;
      case "==":
      case "!=": {
        const primitive = PRIMITIVE_EQUALITY.has(e.left.type.kind) || PRIMITIVE_EQUALITY.has(e.right.type.kind);
        const test = primitive ? `(${l} === ${r})` : `R_equalValues(${l}, ${r})`;
        return e.op === "==" ? test : `!${test}`;
      }
      case "&&":
        return `(${l} && ${r})`;
      case "||":
        return `(${l} || ${r})`;
      case "==>":
        return `(!(${l}) || ${r})`;
      case "<==>":
        return `(${l} === ${r})`;
    }
  }

  private coerce(operand: ExprIR, to: Type): string {
    const x = this.expr(operand);
    if (to.kind === "Int" && operand.type.kind === "Float") return `R_floatToInt(${x})`;
    if (to.kind === "Enum") return `rt.toEnum(${x}, ${this.constant(to.name)})`;
    return x;
  }

  // -------------------------------------------------------------------------------------------

  /** Reads the location (for read-modify-write of nested targets). */
  private read(l: LValueIR, keys: Map<LValueIR, string>): string {
    switch (l.k) {
      case "local":
        return this.local(l.slot, l.depth);
      case "var":
        return `V[${l.slot}]`;
      case "get":
        return `(${this.read(l.target, keys)})[${l.index}]`;
      case "index":
        return `R_${l.collection === "seq" ? "seqGet" : "mapGet"}(${this.read(l.target, keys)}, ${keys.get(l)})`;
    }
  }

  /** Emits `target = value`, rebuilding the containers around a nested target. */
  assign(depth: number, l: LValueIR, value: string, keys = new Map<LValueIR, string>()): void {
    // Keys are evaluated once, outside-in, before the value is stored.
    if (l.k === "index" && !keys.has(l)) {
      this.hoistKeys(depth, l, keys);
    }
    switch (l.k) {
      case "local":
        return this.emit(depth, `${this.local(l.slot, l.depth)} = ${value};`);
      case "var":
        return this.emit(depth, `V[${l.slot}] = ${value};`);
      case "get":
        return this.assign(depth, l.target, `R_tupleSet(${this.read(l.target, keys)}, ${l.index}, ${value})`, keys);
      case "index": {
        const op = l.collection === "seq" ? "seqSet" : "mapSet";
        return this.assign(depth, l.target, `R_${op}(${this.read(l.target, keys)}, ${keys.get(l)}, ${value})`, keys);
      }
    }
  }

  hoistKeys(depth: number, l: LValueIR, keys: Map<LValueIR, string>): void {
    if (l.k === "get") return this.hoistKeys(depth, l.target, keys);
    if (l.k !== "index") return;
    this.hoistKeys(depth, l.target, keys);
    const t = this.fresh();
    this.emit(depth, `const ${t} = ${this.expr(l.key)};`);
    keys.set(l, t);
  }

  stmts(list: readonly StmtIR[], depth: number): void {
    for (const s of list) this.stmt(s, depth);
  }

  stmt(s: StmtIR, d: number): void {
    const at = this.span(s.span);
    if (canFail(s)) this.emit(d, `rt.at = ${at};`);
    switch (s.k) {
      case "assign": {
        const keys = new Map<LValueIR, string>();
        this.hoistKeys(d, s.target, keys);
        const t = this.fresh();
        this.emit(d, `const ${t} = ${this.expr(s.value)};`);
        return this.assign(d, s.target, t, keys);
      }
      case "insert":
      case "remove": {
        const keys = new Map<LValueIR, string>();
        this.hoistKeys(d, s.target, keys);
        const current = this.read(s.target, keys);
        const key = s.key === undefined ? undefined : this.expr(s.key);
        let updated: string;
        if (s.k === "insert") {
          const value = this.expr(s.value);
          updated =
            s.collection === "seq"
              ? `R_seqInsert(${current}, ${key}, ${value})`
              : s.collection === "map"
                ? `R_mapAdd(${current}, ${key}, ${value})`
                : `R_setAdd(${current}, ${value})`;
        } else {
          updated =
            s.collection === "seq"
              ? `R_seqRemoveAt(${current}, ${key})`
              : s.collection === "map"
                ? `R_mapRemove(${current}, ${key})`
                : `R_setRemove(${current}, ${key})`;
        }
        return this.assign(d, s.target, updated, keys);
      }
      case "eval":
        return this.emit(d, `${this.expr(s.expr)};`);
      case "assert": {
        // The condition may call functions, which move `rt.at`: the failure belongs to the assert.
        const message = s.message === undefined ? "undefined" : this.expr(s.message);
        const m = this.fresh();
        return this.emit(d, `if (!(${this.expr(s.condition)})) { const ${m} = ${message}; rt.at = ${at}; rt.assertFailed(${m}); }`);
      }
      case "print":
        return this.emit(d, `rt.print(${this.expr(s.message)});`);
      case "return":
        if (this.caseLabels.length > 0) return this.emit(d, `break ${this.caseLabels[this.caseLabels.length - 1]};`);
        return this.emit(d, s.value === undefined ? "return;" : `return ${this.expr(s.value)};`);
      case "break":
        return this.emit(d, `break ${this.loopLabels[this.loopLabels.length - 1]};`);
      case "continue":
        return this.emit(d, `continue ${this.loopLabels[this.loopLabels.length - 1]};`);
      case "while": {
        const label = `loop${this.temp++}`;
        this.emit(d, `${label}: while (${this.expr(s.condition)}) {`);
        this.emit(d + 1, `rt.tick(${at});`);
        this.loopLabels.push(label);
        this.stmts(s.body, d + 1);
        this.loopLabels.pop();
        return this.emit(d, "}");
      }
      case "foreach": {
        const it = this.fresh();
        const label = `loop${this.temp++}`;
        this.emit(d, `${label}: for (const ${it} of R_elements(${this.expr(s.source)})) {`);
        this.emit(d + 1, `rt.tick(${at});`);
        this.assign(d + 1, s.item, it);
        this.loopLabels.push(label);
        this.stmts(s.body, d + 1);
        this.loopLabels.pop();
        return this.emit(d, "}");
      }
      case "if":
        this.emit(d, `if (${this.expr(s.condition)}) {`);
        this.stmts(s.then, d + 1);
        if (s.else.length > 0) {
          this.emit(d, "} else {");
          this.stmts(s.else, d + 1);
        }
        return this.emit(d, "}");
      case "raise":
        return this.emit(d, `rt.raise(${this.expr(s.event)}, ${this.payload(s.event, s.payload)});`);
      case "send":
        return this.emit(d, `rt.send(${this.expr(s.target)}, ${this.expr(s.event)}, ${this.payload(s.event, s.payload)});`);
      case "announce":
        return this.emit(d, `rt.announce(${this.expr(s.event)}, ${this.payload(s.event, s.payload)});`);
      case "goto":
        return this.emit(d, `rt.goto(${s.state}, ${this.optional(s.payload)});`);
      case "receive":
        return this.receive(s, d);
    }
  }

  /**
   * The payload of a raise, send or announce. The checker matched it against the event when the
   * event is written by name; with an event held in a variable it is matched when it runs.
   */
  private payload(event: ExprIR, payload: ExprIR | undefined): string {
    const value = this.optional(payload);
    return event.k === "const" ? value : `rt.payloadFor(${this.expr(event)}, ${value})`;
  }

  private optional(e: ExprIR | undefined): string {
    return e === undefined ? "undefined" : this.expr(e);
  }

  private receive(s: Extract<StmtIR, { k: "receive" }>, d: number): void {
    const index = this.tables.receives.length;
    this.tables.receives.push(s.cases.map((c) => c.events));
    const r = this.fresh();
    this.emit(d, `const ${r} = rt.receive(${index});`);
    this.emit(d, `switch (${r}.caseIndex) {`);
    s.cases.forEach((c, i) => {
      const fn = this.model.functions[c.fn];
      const label = `case_${c.fn}_${this.temp++}`;
      this.emit(d + 1, `case ${i}: ${label}: {`);
      this.scopes.unshift(c.fn);
      this.declareLocals(fn, d + 2, fn.paramCount > 0 ? [`${r}.payload`] : []);
      this.caseLabels.push(label);
      const outerLoops = this.loopLabels;
      this.loopLabels = [];
      this.stmts(fn.body, d + 2);
      this.loopLabels = outerLoops;
      this.caseLabels.pop();
      this.scopes.shift();
      this.emit(d + 2, "break;");
      this.emit(d + 1, "}");
    });
    this.emit(d, "}");
  }

  /** `let` for each parameter (from `args`) and local (its type's default). */
  declareLocals(fn: FunctionIR, d: number, args: readonly string[]): void {
    fn.locals.forEach((v, slot) => {
      const init = slot < fn.paramCount ? (args[slot] ?? "undefined") : this.defaultValue(v.type);
      this.emit(d, `let ${this.local(slot, 0)} = ${init};`);
    });
  }
}

/**
 * Whether running `s` itself (not the statements nested in it) can fail, so that it must record its
 * position first. Conservative: only what reads variables and constants, tests them and does
 * arithmetic that cannot throw is known not to fail.
 */
function canFail(s: StmtIR): boolean {
  switch (s.k) {
    case "assign":
      return !(s.target.k === "local" || s.target.k === "var") || !isQuiet(s.value);
    case "if":
      return !isQuiet(s.condition);
    case "return":
      return s.value !== undefined && !isQuiet(s.value);
    case "break":
    case "continue":
      return false;
    default:
      return true;
  }
}

/** Whether evaluating `e` can neither fail nor run other code. */
function isQuiet(e: ExprIR): boolean {
  switch (e.k) {
    case "const":
    case "local":
    case "var":
    case "param":
    case "this":
    case "default":
      return true;
    case "get":
      return isQuiet(e.target);
    case "tuple":
      return e.elements.every(isQuiet);
    case "unary":
      return isQuiet(e.operand);
    case "binary":
      return e.op !== "/" && e.op !== "%" && isQuiet(e.left) && isQuiet(e.right);
    default:
      return false;
  }
}

/**
 * JavaScript source of a function returning the array `F` of every compiled IR function. Receive
 * cases are compiled inline; their own entries in `F` are left empty.
 */
export function generateProgram(
  model: ModelIR,
  tables: CodeTables,
  builtinNames: readonly string[],
  defaults: (t: Type) => unknown,
): string {
  // Each operation is bound once to a local name, so that calls in handlers are direct.
  const parts: string[] = [...builtinNames.map((n) => `const R_${n} = R.${n};`), "const F = [];"];
  const quiet = quietFunctions(model);
  for (const fn of model.functions) {
    if (fn.kind === "receive") {
      parts.push(`F[${fn.id}] = null;`);
      continue;
    }
    const w = new FunctionWriter(model, tables, [fn.id], defaults, quiet);
    const params = Array.from({ length: fn.paramCount }, (_, i) => `a${i}`);
    w.emit(0, `F[${fn.id}] = function (rt, V${params.map((p) => `, ${p}`).join("")}) {`);
    w.declareLocals(fn, 1, params);
    w.stmts(fn.body, 1);
    w.emit(0, "};");
    parts.push(w.text());
  }
  parts.push("return F;");
  return parts.join("\n");
}
