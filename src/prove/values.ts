// Reading Z3's answers: the s-expressions of `get-value`, and values printed as P writes them:
// `Client(0)` for machine ids, `#1` for messages, `(a = 1, b = true)` for named tuples, `{x, y}`
// for sets, `{k: v}` for maps, `[a, b]` for sequences. A value this reader does not understand is
// shown as Z3 printed it.
import type { ModelIR } from "../ir/ir.ts";
import type { Type } from "../types/types.ts";
import type { ValueKind } from "./query.ts";

export type SExpr = string | SExpr[];

export function parseSExprs(text: string): SExpr[] {
  const out: SExpr[] = [];
  const stack: SExpr[][] = [out];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === "(") {
      const list: SExpr[] = [];
      stack[stack.length - 1].push(list);
      stack.push(list);
      i++;
    } else if (c === ")") {
      if (stack.length > 1) stack.pop();
      i++;
    } else if (/\s/.test(c)) i++;
    else if (c === '"') {
      let j = i + 1;
      while (j < text.length && !(text[j] === '"' && text[j + 1] !== '"')) j += text[j] === '"' ? 2 : 1;
      stack[stack.length - 1].push(text.slice(i, j + 1));
      i = j + 1;
    } else if (c === "|") {
      const j = text.indexOf("|", i + 1);
      stack[stack.length - 1].push(text.slice(i + 1, j < 0 ? text.length : j));
      i = j < 0 ? text.length : j + 1;
    } else {
      let j = i;
      while (j < text.length && !/[\s()]/.test(text[j])) j++;
      stack[stack.length - 1].push(text.slice(i, j));
      i = j;
    }
  }
  return out;
}

export function printSExpr(e: SExpr): string {
  return typeof e === "string" ? e : `(${e.map(printSExpr).join(" ")})`;
}

/** The values of a `get-value` answer, in the order asked. */
export function valuesOf(text: string): SExpr[] {
  const top = parseSExprs(text)[0];
  if (!Array.isArray(top)) return [];
  return top.map((pair) => (Array.isArray(pair) && pair.length === 2 ? pair[1] : pair));
}

/** An array value as a default and explicit entries; undefined when Z3 printed something else. */
function arrayOf(e: SExpr): { otherwise: SExpr; entries: [SExpr, SExpr][] } | undefined {
  if (!Array.isArray(e)) return undefined;
  if (e.length === 2 && Array.isArray(e[0]) && e[0][0] === "as" && e[0][1] === "const") return { otherwise: e[1], entries: [] };
  if (e.length === 4 && e[0] === "store") {
    const inner = arrayOf(e[1]);
    if (inner === undefined) return undefined;
    const key = printSExpr(e[2]);
    return { otherwise: inner.otherwise, entries: [...inner.entries.filter(([k]) => printSExpr(k) !== key), [e[2], e[3]]] };
  }
  return undefined;
}

function lookup(array: { otherwise: SExpr; entries: [SExpr, SExpr][] }, key: SExpr): SExpr {
  const k = printSExpr(key);
  return array.entries.find(([x]) => printSExpr(x) === k)?.[1] ?? array.otherwise;
}

/** Prints values for one counterexample: knows the names of its machines and messages. */
export class ValuePrinter {
  readonly model: ModelIR;
  /** Z3's name of an id or message to the name shown (`Client(0)`, `#1`). */
  readonly names = new Map<string, string>();

  constructor(model: ModelIR) {
    this.model = model;
  }

  print(e: SExpr, kind: ValueKind): string {
    switch (kind.kind) {
      case "id":
      case "msg":
        return typeof e === "string" ? (this.names.get(e) ?? e) : printSExpr(e);
      case "state":
      case "event":
        return typeof e === "string" ? e.slice(e.indexOf(".") + 1) : printSExpr(e);
      case "bool":
        return printSExpr(e);
      case "type":
        return this.typed(e, kind.type);
    }
  }

  private typed(e: SExpr, t: Type): string {
    switch (t.kind) {
      case "Int":
      case "Float":
        if (Array.isArray(e) && e.length === 2 && e[0] === "-") return `-${printSExpr(e[1])}`;
        return printSExpr(e);
      case "Bool":
      case "String":
        return printSExpr(e);
      case "Enum":
      case "Event":
        return typeof e === "string" ? e.slice(e.indexOf(".") + 1) : printSExpr(e);
      case "MachineRef":
      case "Message":
        return typeof e === "string" ? (this.names.get(e) ?? e) : printSExpr(e);
      case "Machine":
        if (Array.isArray(e) && e.length === 2 && typeof e[1] === "string") return this.names.get(e[1]) ?? e[1];
        return printSExpr(e);
      case "Tuple":
      case "NamedTuple": {
        if (!Array.isArray(e)) return printSExpr(e);
        const parts = e.slice(1).map((x, i) =>
          t.kind === "Tuple" ? this.typed(x, t.elements[i]) : `${t.fields[i].name} = ${this.typed(x, t.fields[i].type)}`,
        );
        return parts.length === 1 ? `(${parts[0]},)` : `(${parts.join(", ")})`;
      }
      case "Set": {
        const a = arrayOf(e);
        if (a === undefined) return printSExpr(e);
        const members = a.entries.filter(([, v]) => v === (a.otherwise === "true" ? "false" : "true")).map(([k]) => this.typed(k, t.element));
        if (a.otherwise === "true") return members.length === 0 ? "all" : `all but {${members.join(", ")}}`;
        return `{${members.join(", ")}}`;
      }
      case "Map": {
        if (!Array.isArray(e) || e.length !== 3) return printSExpr(e);
        const dom = arrayOf(e[1]);
        const vals = arrayOf(e[2]);
        if (dom === undefined || vals === undefined || dom.otherwise !== "false") return printSExpr(e);
        const keys = dom.entries.filter(([, v]) => v === "true").map(([k]) => k);
        return `{${keys.map((k) => `${this.typed(k, t.key)}: ${this.typed(lookup(vals, k), t.value)}`).join(", ")}}`;
      }
      case "Seq": {
        if (!Array.isArray(e) || e.length !== 3 || typeof e[1] !== "string") return printSExpr(e);
        const len = Number(e[1]);
        const elems = arrayOf(e[2]);
        if (!Number.isInteger(len) || len < 0 || len > 64 || elems === undefined) return printSExpr(e);
        return `[${Array.from({ length: len }, (_, i) => this.typed(lookup(elems, String(i)), t.element)).join(", ")}]`;
      }
      default:
        return printSExpr(e);
    }
  }
}
