// The formatter: prints an AST back as P source in one canonical layout (four-space indents, one
// statement a line, minimal parentheses by precedence). Parsing printed text gives the same tree,
// which is how the parser is tested.
import { quoteString } from "../syntax/strings.ts";
import * as A from "./nodes.ts";

const INDENT = "    ";

/** Binding strength of each expression form; higher binds tighter. */
function precedence(e: A.Expr): number {
  switch (e.kind) {
    case "Quantifier":
      return 0;
    case "Binary":
      return binaryPrecedence[e.op];
    case "Is":
    case "Targets":
      return 6;
    case "Cast":
      return 7;
    case "Unary":
    case "MessagePredicate":
      return 10;
    default:
      return 11;
  }
}

const binaryPrecedence: Record<A.BinaryOp, number> = {
  "<==>": 1,
  "==>": 2,
  "||": 3,
  "&&": 4,
  "==": 5,
  "!=": 5,
  "<": 6,
  "<=": 6,
  ">": 6,
  ">=": 6,
  in: 6,
  "+": 8,
  "-": 8,
  "*": 9,
  "/": 9,
  "%": 9,
};

export function printType(t: A.TypeExpr): string {
  switch (t.kind) {
    case "PrimitiveType":
      return t.name;
    case "SeqType":
      return `seq[${printType(t.element)}]`;
    case "SetType":
      return `set[${printType(t.element)}]`;
    case "MapType":
      return `map[${printType(t.key)}, ${printType(t.value)}]`;
    case "TupleType":
      return `(${t.elements.map(printType).join(", ")}${t.elements.length === 1 ? "," : ""})`;
    case "NamedTupleType":
      return `(${t.fields.map((f) => `${f.name.name}: ${printType(f.type)}`).join(", ")})`;
    case "NamedType":
      return t.name.name;
    default:
      return A.unreachable(t);
  }
}

function wrap(e: A.Expr, min: number): string {
  const text = printExpr(e);
  return precedence(e) < min ? `(${text})` : text;
}

function list(es: readonly A.Expr[]): string {
  return es.map(printExpr).join(", ");
}

export function printExpr(e: A.Expr): string {
  switch (e.kind) {
    case "Name":
      return e.name;
    case "IntLit":
      return String(e.value);
    case "FloatLit":
      return e.text;
    case "BoolLit":
      return String(e.value);
    case "StringLit":
      return quoteString(e.value);
    case "NullLit":
      return "null";
    case "This":
      return "this";
    case "Halt":
      return "halt";
    case "Nondet":
      return e.fair ? "$$" : "$";
    case "Tuple":
      return `(${list(e.elements)}${e.elements.length === 1 ? "," : ""})`;
    case "NamedTuple":
      return `(${e.fields.map((f) => `${f.name.name} = ${printExpr(f.value)}`).join(", ")}${e.fields.length === 1 ? "," : ""})`;
    case "Field":
      return `${wrap(e.target, 11)}.${e.field.name}`;
    case "TupleIndex":
      return `${wrap(e.target, 11)}.${e.index}`;
    case "Index":
      return `${wrap(e.target, 11)}[${printExpr(e.index)}]`;
    case "CollectionOp":
      return `${e.op}(${printExpr(e.operand)})`;
    case "Default":
      return `default(${printType(e.type)})`;
    case "New":
      return `new ${e.machine.name}(${list(e.args)})`;
    case "Call":
      return `${e.callee.name}(${list(e.args)})`;
    case "Unary":
      return `${e.op}${wrap(e.operand, 10)}`;
    case "MessagePredicate":
      return `${e.predicate} ${wrap(e.message, 10)}`;
    case "Binary": {
      const p = binaryPrecedence[e.op];
      // `==>` is right associative; every other binary operator associates to the left.
      const [leftMin, rightMin] = e.op === "==>" ? [p + 1, p] : [p, p + 1];
      return `${wrap(e.left, leftMin)} ${e.op} ${wrap(e.right, rightMin)}`;
    }
    case "Cast":
      return `${wrap(e.operand, 7)} ${e.op} ${printType(e.type)}`;
    case "Choose":
      return `choose(${e.operand === undefined ? "" : printExpr(e.operand)})`;
    case "Format":
      return `format(${[printExpr(e.format), ...e.args.map(printExpr)].join(", ")})`;
    case "Quantifier":
      return `${e.quantifier}${e.overNew ? " new" : ""} (${e.binders
        .map((b) => `${b.name.name}: ${printType(b.type)}`)
        .join(", ")}) :: ${printExpr(e.body)}`;
    case "Is":
      return `${wrap(e.operand, 7)} is ${e.name.name}`;
    case "Targets":
      return `${wrap(e.message, 7)} targets ${wrap(e.machine, 7)}`;
    default:
      return A.unreachable(e);
  }
}

function trailing(args: readonly A.Expr[]): string {
  return args.map((a) => `, ${printExpr(a)}`).join("");
}

function events(list: readonly A.EventRef[]): string {
  return list.map((e) => e.name).join(", ");
}

class Printer {
  private readonly lines: string[] = [];
  private depth = 0;

  line(text: string): void {
    this.lines.push(text === "" ? "" : INDENT.repeat(this.depth) + text);
  }

  /** Prints `head {` ... `}` with the body indented. */
  braces(head: string, body: () => void, tail = "}"): void {
    this.line(`${head}{`);
    this.depth++;
    body();
    this.depth--;
    this.line(tail);
  }

  block(head: string, b: A.Block): void {
    this.braces(head, () => {
      for (const v of b.vars) this.varDecl(v);
      for (const s of b.statements) this.stmt(s);
    });
  }

  varDecl(v: A.VarDecl): void {
    this.line(`var ${v.names.map((n) => n.name).join(", ")}: ${printType(v.type)};`);
  }

  /** A statement used as the body of while/if/foreach: blocks open on the same line. */
  nested(head: string, s: A.Stmt): void {
    if (s.kind === "Block") this.block(`${head} `, s);
    else {
      this.line(head);
      this.depth++;
      this.stmt(s);
      this.depth--;
    }
  }

  loopInvariants(list: readonly A.LoopInvariant[]): void {
    this.depth++;
    for (const inv of list) this.line(`invariant ${printExpr(inv.condition)};`);
    this.depth--;
  }

  stmt(s: A.Stmt): void {
    switch (s.kind) {
      case "Block":
        return this.block("", s);
      case "Assert":
        return this.line(`assert ${printExpr(s.condition)}${s.message ? `, ${printExpr(s.message)}` : ""};`);
      case "Print":
        return this.line(`print ${printExpr(s.message)};`);
      case "Return":
        return this.line(s.value === undefined ? "return;" : `return ${printExpr(s.value)};`);
      case "Break":
        return this.line("break;");
      case "Continue":
        return this.line("continue;");
      case "Assign":
        return this.line(`${printExpr(s.target)} = ${printExpr(s.value)};`);
      case "Insert":
        return this.line(
          `${printExpr(s.target)} += (${s.key === undefined ? "" : `${printExpr(s.key)}, `}${printExpr(s.value)});`,
        );
      case "Remove":
        return this.line(`${printExpr(s.target)} -= ${wrap(s.key, 11)};`);
      case "While":
        this.line(`while (${printExpr(s.condition)})`);
        this.loopInvariants(s.invariants);
        return this.nested("", s.body);
      case "Foreach":
        this.line(`foreach (${s.item.name} in ${printExpr(s.collection)})`);
        this.loopInvariants(s.invariants);
        return this.nested("", s.body);
      case "If":
        this.nested(`if (${printExpr(s.condition)})`, s.then);
        if (s.else !== undefined) this.nested("else", s.else);
        return;
      case "NewStmt":
        return this.line(`new ${s.machine.name}(${list(s.args)});`);
      case "CallStmt":
        return this.line(`${s.callee.name}(${list(s.args)});`);
      case "Raise":
        return this.line(`raise ${printExpr(s.event)}${trailing(s.args)};`);
      case "Send":
        return this.line(`send ${printExpr(s.target)}, ${printExpr(s.event)}${trailing(s.args)};`);
      case "Announce":
        return this.line(`announce ${printExpr(s.event)}${trailing(s.args)};`);
      case "Goto":
        return this.line(`goto ${s.state.name}${trailing(s.args)};`);
      case "Receive":
        return this.braces("receive ", () => {
          for (const c of s.cases) this.anon(`case ${events(c.events)}: `, c.handler);
        });
      case "Empty":
        return this.line(";");
      default:
        return A.unreachable(s);
    }
  }

  anon(head: string, f: A.AnonFunction): void {
    const params = f.params.length === 0 ? "" : `(${f.params.map(param).join(", ")}) `;
    this.block(`${head}${params}`, f.body);
  }

  handler(head: string, h: A.HandlerFunction): void {
    if (h.kind === "FunctionRef") this.line(`${head}${h.name.name};`);
    else this.anon(head, h);
  }

  fun(f: A.FunDecl): void {
    const ret = f.returnType === undefined ? "" : `: ${printType(f.returnType)}`;
    const creates = f.creates === undefined ? "" : ` creates ${f.creates.name}`;
    const head = `fun ${f.name.name}(${f.params.map(param).join(", ")})${ret}${creates}`;
    const contracts = [
      ...(f.resultName === undefined ? [] : [`return (${param(f.resultName)});`]),
      ...f.contracts.map((c) => `${c.clause} ${printExpr(c.condition)};`),
    ];
    if (f.body === undefined) {
      this.line(contracts.length === 0 ? `${head};` : head);
      this.depth++;
      contracts.forEach((c) => this.line(c));
      this.depth--;
      return;
    }
    if (contracts.length > 0) {
      this.line(head);
      this.depth++;
      contracts.forEach((c) => this.line(c));
      this.depth--;
      this.block("", f.body);
    } else this.block(`${head} `, f.body);
  }

  state(s: A.StateDecl): void {
    const head = `${s.start ? "start " : ""}${s.temperature ? `${s.temperature} ` : ""}state ${s.name.name} `;
    this.braces(head, () => {
      for (const item of s.items) {
        switch (item.kind) {
          case "Entry":
            this.handler("entry ", item.handler);
            break;
          case "Exit":
            this.handler("exit ", item.handler);
            break;
          case "Defer":
            this.line(`defer ${events(item.events)};`);
            break;
          case "Ignore":
            this.line(`ignore ${events(item.events)};`);
            break;
          case "OnDo":
            this.handler(`on ${events(item.events)} do `, item.handler);
            break;
          case "OnGoto":
            if (item.handler === undefined) this.line(`on ${events(item.events)} goto ${item.target.name};`);
            else this.handler(`on ${events(item.events)} goto ${item.target.name} with `, item.handler);
            break;
          default:
            A.unreachable(item);
        }
      }
    });
  }

  members(members: readonly A.MachineMember[]): void {
    for (const m of members) {
      if (m.kind === "VarDecl") this.varDecl(m);
      else if (m.kind === "FunDecl") this.fun(m);
      else this.state(m);
    }
  }

  decl(d: A.TopDecl): void {
    switch (d.kind) {
      case "TypeDef":
        return this.line(d.type === undefined ? `type ${d.name.name};` : `type ${d.name.name} = ${printType(d.type)};`);
      case "EnumDecl":
        return this.line(
          `enum ${d.name.name} { ${d.elements
            .map((e) => (e.value === undefined ? e.name.name : `${e.name.name} = ${e.value}`))
            .join(", ")} }`,
        );
      case "EventDecl":
        return this.line(`event ${d.name.name}${d.payload ? `: ${printType(d.payload)}` : ""};`);
      case "EventSetDecl":
        return this.line(`eventset ${d.name.name} = { ${events(d.events)} };`);
      case "InterfaceDecl":
        return this.line(
          `interface ${d.name.name}(${d.payload ? printType(d.payload) : ""})${
            d.receives === undefined ? "" : ` receives ${events(d.receives)}`
          };`,
        );
      case "MachineDecl": {
        const rs = d.receives === undefined ? "" : ` receives ${events(d.receives)};`;
        const ss = d.sends === undefined ? "" : ` sends ${events(d.sends)};`;
        return this.braces(`machine ${d.name.name}${rs}${ss} `, () => this.members(d.members));
      }
      case "SpecDecl":
        return this.braces(`spec ${d.name.name} observes ${events(d.observes)} `, () => this.members(d.members));
      case "FunDecl":
        return this.fun(d);
      case "ParamDecl":
        return this.line(`param ${d.name.name}: ${printType(d.type)};`);
      case "ModuleDecl":
        return this.line(`module ${d.name.name} = ${printModule(d.module)};`);
      case "TestDecl":
        return this.line(printTest(d));
      case "ImplementationDecl":
        return this.line(
          `implementation ${d.name.name}${d.main ? ` [main=${d.main.name}]` : ""}: ${printModule(d.module)};`,
        );
      case "InvariantDecl":
        return this.line(invariant(d));
      case "InitConditionDecl":
        return this.line(`init-condition ${printExpr(d.condition)};`);
      case "AxiomDecl":
        return this.line(`axiom ${printExpr(d.condition)};`);
      case "PureDecl":
        return this.line(
          `pure ${d.name.name}(${d.params.map(param).join(", ")}): ${printType(d.returnType)}${
            d.body ? ` = ${printExpr(d.body)}` : ""
          };`,
        );
      case "LemmaDecl":
        return this.braces(`${d.keyword} ${d.name.name} `, () => d.invariants.forEach((i) => this.line(invariant(i))));
      case "ProofDecl":
        return this.braces(`Proof ${d.name ? `${d.name.name} ` : ""}`, () => {
          for (const s of d.steps) {
            const using = s.using.length === 0 ? "" : ` using ${s.using.map((u) => u.name).join(", ")}`;
            this.line(`prove ${s.targets.map((t) => t.name).join(", ")}${using};`);
          }
        });
      default:
        return A.unreachable(d);
    }
  }

  text(): string {
    return this.lines.join("\n") + "\n";
  }
}

function param(p: A.Param): string {
  return `${p.name.name}: ${printType(p.type)}`;
}

function invariant(d: A.InvariantDecl): string {
  return `invariant ${d.name ? `${d.name.name}: ` : ""}${printExpr(d.condition)};`;
}

export function printModule(m: A.ModuleExpr): string {
  switch (m.kind) {
    case "PrimitiveModule":
      return `{ ${m.bindings.map((b) => (b.iface ? `${b.machine.name} -> ${b.iface.name}` : b.machine.name)).join(", ")} }`;
    case "NamedModuleRef":
      return m.name.name;
    case "ComposeModule":
    case "UnionModule":
      return `(${m.kind === "ComposeModule" ? "compose" : "union"} ${m.modules.map(printModule).join(", ")})`;
    case "HideEventsModule":
      return `(hidee ${events(m.events)} in ${printModule(m.module)})`;
    case "HideInterfacesModule":
      return `(hidei ${m.interfaces.map((i) => i.name).join(", ")} in ${printModule(m.module)})`;
    case "AssertModule":
      return `(assert ${m.specs.map((s) => s.name).join(", ")} in ${printModule(m.module)})`;
    case "RenameModule":
      return `(rename ${m.from.name} to ${m.to.name} in ${printModule(m.module)})`;
    case "MainModule":
      return `(main ${m.machine.name} in ${printModule(m.module)})`;
    default:
      return A.unreachable(m);
  }
}

function printTest(d: A.TestDecl): string {
  let head = "test ";
  if (d.params.length > 0) {
    head += `param (${d.params.map((p) => `${p.name.name} in [${p.values.map(printExpr).join(", ")}]`).join(", ")}) `;
    if (d.assume !== undefined) head += `assume (${printExpr(d.assume)}) `;
    if (d.wise !== undefined) head += `(${d.wise} wise) `;
  }
  const main = d.main === undefined ? "" : ` [main=${d.main.name}]`;
  const refines = d.refines === undefined ? "" : ` refines ${printModule(d.refines)}`;
  return `${head}${d.name.name}${main}: ${printModule(d.module)}${refines};`;
}

/** Formats a whole file. */
export function printFile(file: A.FileNode): string {
  const p = new Printer();
  file.decls.forEach((d, i) => {
    if (i > 0) p.line("");
    p.decl(d);
  });
  return p.text();
}
