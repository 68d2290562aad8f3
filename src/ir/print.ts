// A readable text form of the IR, so tests can pin what lowering produces. Indices are printed
// with the names they stand for: `v0:count` is machine variable 0, `l1:x` local 1, `e2:ePing`
// event 2, `f3:Client.Init.entry` function 3, `s1:Wait` state 1.
import { printType, type Type } from "../types/types.ts";
import type { ExprIR, FunctionIR, LValueIR, MachineIR, ModelIR, StmtIR } from "./ir.ts";

class IrPrinter {
  private readonly out: string[] = [];
  private readonly model: ModelIR;
  /** The function being printed, for local names. */
  private fn: FunctionIR | undefined;

  constructor(model: ModelIR) {
    this.model = model;
  }

  private line(depth: number, text: string): void {
    this.out.push("  ".repeat(depth) + text);
  }

  private event(id: number): string {
    return `e${id}:${this.model.events[id]?.name ?? "?"}`;
  }

  private func(id: number | undefined): string {
    return id === undefined || id < 0 ? "-" : `f${id}:${this.model.functions[id]?.name ?? "?"}`;
  }

  private machineVar(machineId: number | undefined, slot: number): string {
    const m = machineId === undefined ? undefined : this.model.machines[machineId];
    return `v${slot}:${m?.vars[slot]?.name ?? "?"}`;
  }

  private local(slot: number, depth: number): string {
    let f = this.fn;
    for (let d = 0; d < depth && f !== undefined; d++) f = f.enclosing === undefined ? undefined : this.model.functions[f.enclosing];
    const name = slot < 0 ? "result" : (f?.locals[slot]?.name ?? "?");
    return `l${depth > 0 ? `${depth}^` : ""}${slot}:${name}`;
  }

  expr(e: ExprIR): string {
    switch (e.k) {
      case "const":
        if (e.type.kind === "Event" && typeof e.value === "number") return this.event(e.value);
        return typeof e.value === "string" ? JSON.stringify(e.value) : String(e.value);
      case "local":
        return this.local(e.slot, e.depth);
      case "var":
        return this.machineVar(this.fn?.machine, e.slot);
      case "param":
        return `param:${this.model.params[e.index]?.name ?? e.index}`;
      case "this":
        return "this";
      case "nondet":
        return e.fair ? "$$" : "$";
      case "tuple":
        return `(${e.elements.map((x) => this.expr(x)).join(", ")}${e.elements.length === 1 ? "," : ""})`;
      case "get":
        return `${this.expr(e.target)}.${e.index}`;
      case "index":
        return `${this.expr(e.target)}[${this.expr(e.key)}]`;
      case "keys":
      case "values":
      case "sizeof":
        return `${e.k}(${this.expr(e.operand)})`;
      case "default":
        return `default(${printType(e.type)})`;
      case "new":
        return `new ${e.machine}(${e.payload === undefined ? "" : this.expr(e.payload)})`;
      case "call":
        return `${this.func(e.fn)}(${e.args.map((a) => this.expr(a)).join(", ")})`;
      case "unary":
        return `${e.op}${this.expr(e.operand)}`;
      case "binary":
        return `(${this.expr(e.left)} ${e.op} ${this.expr(e.right)})`;
      case "in":
        return `(${this.expr(e.element)} in ${e.collection} ${this.expr(e.target)})`;
      case "cast":
      case "coerce":
        return `(${this.expr(e.operand)} ${e.k === "cast" ? "as" : "to"} ${printType(e.type)})`;
      case "choose":
        return `choose ${e.from}(${e.operand === undefined ? "" : this.expr(e.operand)})`;
      case "format":
        return `format(${[JSON.stringify(e.format), ...e.args.map((a) => this.expr(a))].join(", ")})`;
      case "forall":
      case "exists":
        return `${e.k}${e.overNew ? " new" : ""} (${e.binders.map((b) => `${b.name}: ${printType(b.type)}`).join(", ")}) :: ${this.expr(e.body)}`;
      case "bound":
        return `b${e.depth}.${e.index}`;
      case "machineVar":
        return `${this.expr(e.target)}->${this.machineVar(e.machine, e.slot)}`;
      case "is": {
        const t = e.test;
        const what =
          t.kind === "event"
            ? this.event(t.event)
            : t.kind === "machine"
              ? (this.model.machines[t.machine]?.name ?? "?")
              : `${this.model.machines[t.machine]?.name}.${this.model.machines[t.machine]?.states[t.state]?.name}`;
        return `(${this.expr(e.operand)} is ${what})`;
      }
      case "targets":
        return `(${this.expr(e.message)} targets ${this.expr(e.machine)})`;
      case "inflight":
      case "sent":
        return `${e.k} ${this.expr(e.message)}`;
      case "pure":
        return `pure ${e.name}(${e.args.map((a) => this.expr(a)).join(", ")})`;
      case "payload":
        return `payload(${this.expr(e.message)})`;
    }
  }

  lvalue(l: LValueIR): string {
    switch (l.k) {
      case "local":
        return this.local(l.slot, l.depth);
      case "var":
        return this.machineVar(this.fn?.machine, l.slot);
      case "get":
        return `${this.lvalue(l.target)}.${l.index}`;
      case "index":
        return `${this.lvalue(l.target)}[${this.expr(l.key)}]`;
    }
  }

  stmts(list: readonly StmtIR[], depth: number): void {
    for (const s of list) this.stmt(s, depth);
  }

  stmt(s: StmtIR, d: number): void {
    const opt = (e: ExprIR | undefined) => (e === undefined ? "" : `, ${this.expr(e)}`);
    switch (s.k) {
      case "assign":
        return this.line(d, `${this.lvalue(s.target)} = ${this.expr(s.value)}`);
      case "insert":
        return this.line(d, `insert ${s.collection} ${this.lvalue(s.target)}${opt(s.key)}, ${this.expr(s.value)}`);
      case "remove":
        return this.line(d, `remove ${s.collection} ${this.lvalue(s.target)}, ${this.expr(s.key)}`);
      case "eval":
        return this.line(d, this.expr(s.expr));
      case "assert":
        return this.line(d, `assert ${this.expr(s.condition)}${opt(s.message)}`);
      case "print":
        return this.line(d, `print ${this.expr(s.message)}`);
      case "return":
        return this.line(d, `return${s.value === undefined ? "" : ` ${this.expr(s.value)}`}`);
      case "break":
      case "continue":
        return this.line(d, s.k);
      case "while":
        this.line(d, `while ${this.expr(s.condition)}`);
        for (const inv of s.invariants) this.line(d + 1, `invariant ${this.expr(inv)}`);
        return this.stmts(s.body, d + 1);
      case "foreach":
        this.line(d, `foreach ${this.lvalue(s.item)} in ${s.collection} ${this.expr(s.source)}`);
        for (const inv of s.invariants) this.line(d + 1, `invariant ${this.expr(inv)}`);
        return this.stmts(s.body, d + 1);
      case "if":
        this.line(d, `if ${this.expr(s.condition)}`);
        this.stmts(s.then, d + 1);
        if (s.else.length > 0) {
          this.line(d, "else");
          this.stmts(s.else, d + 1);
        }
        return;
      case "raise":
        return this.line(d, `raise ${this.expr(s.event)}${opt(s.payload)}`);
      case "send":
        return this.line(d, `send ${this.expr(s.target)}, ${this.expr(s.event)}${opt(s.payload)}`);
      case "announce":
        return this.line(d, `announce ${this.expr(s.event)}${opt(s.payload)}`);
      case "goto": {
        const m = this.fn?.machine === undefined ? undefined : this.model.machines[this.fn.machine];
        return this.line(d, `goto s${s.state}:${m?.states[s.state]?.name ?? "?"}${opt(s.payload)}`);
      }
      case "receive":
        this.line(d, "receive");
        for (const c of s.cases) this.line(d + 1, `case ${c.events.map((e) => this.event(e)).join(", ")}: ${this.func(c.fn)}`);
        return;
    }
  }

  machine(m: MachineIR): void {
    this.line(0, `${m.kind} ${m.id} ${m.name}${m.observes.length > 0 ? ` observes ${m.observes.map((e) => this.event(e)).join(", ")}` : ""}`);
    m.vars.forEach((v, i) => this.line(1, `var v${i}:${v.name}: ${type(v.type)}`));
    for (const s of m.states) {
      const flags = [s.index === m.start ? "start" : "", s.temperature ?? ""].filter((x) => x !== "").join(" ");
      this.line(1, `state s${s.index}:${s.name}${flags ? ` (${flags})` : ""}`);
      if (s.entry !== undefined) this.line(2, `entry ${this.func(s.entry)}`);
      if (s.exit !== undefined) this.line(2, `exit ${this.func(s.exit)}`);
      s.handlers.forEach((h, e) => {
        if (h === undefined) return;
        if (h.kind === "do") this.line(2, `on ${this.event(e)} do ${this.func(h.fn)}`);
        else this.line(2, `on ${this.event(e)} goto s${h.target}:${m.states[h.target]?.name}${h.fn === undefined ? "" : ` with ${this.func(h.fn)}`}`);
      });
      if (s.deferred.length > 0) this.line(2, `defer ${s.deferred.map((e) => this.event(e)).join(", ")}`);
      if (s.ignored.length > 0) this.line(2, `ignore ${s.ignored.map((e) => this.event(e)).join(", ")}`);
    }
  }

  function(f: FunctionIR): void {
    this.fn = f;
    const params = f.locals.slice(0, f.paramCount).map((v, i) => `l${i}:${v.name}: ${type(v.type)}`);
    const ret = f.returnType === undefined ? "" : `: ${type(f.returnType)}`;
    this.line(0, `function f${f.id}:${f.name}(${params.join(", ")})${ret} [${f.kind}]`);
    f.locals.slice(f.paramCount).forEach((v, i) => this.line(1, `local l${i + f.paramCount}:${v.name}: ${type(v.type)}`));
    this.stmts(f.body, 1);
    this.fn = undefined;
  }

  print(): string {
    const m = this.model;
    for (const e of m.events) this.line(0, `event ${this.event(e.id)}${e.payload === undefined ? "" : `: ${type(e.payload)}`}`);
    for (const e of m.enums) this.line(0, `enum ${e.name} { ${e.elements.map((x) => `${x.name} = ${x.value}`).join(", ")} }`);
    for (const p of m.params) this.line(0, `param ${p.index}:${p.name}: ${type(p.type)}`);
    m.machines.forEach((x) => this.machine(x));
    m.functions.forEach((f) => this.function(f));
    for (const t of m.tests) {
      const name = (id: number) => m.machines[id]?.name ?? "?";
      const bindings = Object.entries(t.bindings).map(([k, v]) => (k === name(v) ? k : `${name(v)}->${k}`));
      this.line(0, `test ${t.name} main=${name(t.main)} machines=[${t.machines.map(name).join(", ")}] specs=[${t.specs.map(name).join(", ")}] bindings=[${bindings.join(", ")}]`);
    }
    for (const inv of m.invariants) this.line(0, `invariant ${inv.name}: ${this.expr(inv.condition)}`);
    for (const c of m.initConditions) this.line(0, `init-condition ${this.expr(c)}`);
    for (const a of m.axioms) this.line(0, `axiom ${this.expr(a)}`);
    for (const p of m.pures) this.line(0, `pure ${p.name}(${p.params.map((v) => `${v.name}: ${type(v.type)}`).join(", ")}): ${type(p.returnType)}${p.body === undefined ? "" : ` = ${this.expr(p.body)}`}`);
    return this.out.join("\n") + "\n";
  }
}

function type(t: Type): string {
  return printType(t);
}

export function printModel(model: ModelIR): string {
  return new IrPrinter(model).print();
}
