// Type expressions to types: names resolve to aliases (expanded, with cycles reported), enums,
// machines and interfaces (machine-reference types), and, in verification code, events (the type
// of the messages of that event). Every type expression's meaning is recorded in the side table.
import type { TypeDefDecl, TypeExpr } from "../ast/nodes.ts";
import { unreachable } from "../ast/nodes.ts";
import { reportUnknown, reportWrongKind } from "../names/resolve.ts";
import type { Checker } from "./context.ts";
import {
  ANY,
  BOOL,
  DATA,
  ERROR,
  EVENT,
  FLOAT,
  INT,
  MACHINE,
  STRING,
  mapOf,
  seqOf,
  setOf,
  tupleOf,
  withAlias,
  type NamedTupleFieldType,
  type Type,
} from "./types.ts";

export interface TypeOptions {
  /** Event names denote message types (quantifier binders in verification code). */
  readonly messages?: boolean;
}

const TYPE_KINDS = ["TypeAlias", "Enum", "Machine", "Interface", "ForeignType"] as const;

/** The meaning of a type expression; records it (and every part's) in `typeExprTypes`. */
export function resolveType(checker: Checker, texpr: TypeExpr, options: TypeOptions = {}): Type {
  const type = compute(checker, texpr, options);
  checker.typeExprTypes.set(texpr.id, type);
  return type;
}

function compute(checker: Checker, texpr: TypeExpr, options: TypeOptions): Type {
  switch (texpr.kind) {
    case "PrimitiveType": {
      const name = texpr.name;
      switch (name) {
        case "int":
          return INT;
        case "bool":
          return BOOL;
        case "float":
          return FLOAT;
        case "string":
          return STRING;
        case "event":
          return EVENT;
        case "machine":
          return MACHINE;
        case "data":
          return DATA;
        case "any":
          return ANY;
        default:
          return unreachable(name);
      }
    }
    case "SeqType":
      return seqOf(resolveType(checker, texpr.element, options));
    case "SetType":
      return setOf(resolveType(checker, texpr.element, options));
    case "MapType":
      return mapOf(resolveType(checker, texpr.key, options), resolveType(checker, texpr.value, options));
    case "TupleType":
      return tupleOf(texpr.elements.map((e) => resolveType(checker, e, options)));
    case "NamedTupleType": {
      const fields: NamedTupleFieldType[] = [];
      const seen = new Map<string, NamedTupleFieldType & { span: typeof texpr.span }>();
      for (const field of texpr.fields) {
        const type = resolveType(checker, field.type, options);
        const first = seen.get(field.name.name);
        if (first !== undefined) {
          checker.report(2002, field.name.span, [field.name.name], [
            { message: `'${field.name.name}' was first declared here.`, span: first.span },
          ]);
          continue;
        }
        const entry = { name: field.name.name, type };
        seen.set(field.name.name, { ...entry, span: field.name.span });
        fields.push(entry);
      }
      return { kind: "NamedTuple", fields };
    }
    case "NamedType":
      return resolveNamedType(checker, texpr, options);
    default:
      return unreachable(texpr);
  }
}

function resolveNamedType(checker: Checker, texpr: Extract<TypeExpr, { kind: "NamedType" }>, options: TypeOptions): Type {
  const { name, span } = texpr.name;
  const symbol = checker.globals.get("entity", name);
  if (symbol === undefined) {
    const candidates = checker.globals.names(
      "entity",
      (s) => (TYPE_KINDS as readonly string[]).includes(s.kind) || (options.messages === true && s.kind === "Event"),
    );
    reportUnknown(checker, "type", name, span, candidates);
    return ERROR;
  }
  switch (symbol.kind) {
    case "TypeAlias":
      checker.bind(texpr.name, symbol);
      return aliasType(checker, symbol.decl);
    case "Enum":
      checker.bind(texpr.name, symbol);
      return { kind: "Enum", name };
    case "Machine":
      checker.bind(texpr.name, symbol);
      return { kind: "MachineRef", name, of: "machine" };
    case "Interface":
      checker.bind(texpr.name, symbol);
      return { kind: "MachineRef", name, of: "interface" };
    case "ForeignType":
      // Reported once, where it is declared.
      checker.bind(texpr.name, symbol);
      return ERROR;
    case "Event":
      if (options.messages === true) {
        checker.bind(texpr.name, symbol);
        return { kind: "Message", event: name };
      }
      reportWrongKind(checker, name, span, symbol.kind, "type");
      return ERROR;
    default:
      reportWrongKind(checker, name, span, symbol.kind, "type");
      return ERROR;
  }
}

/** The expansion of a type alias, computed once; a cycle is reported at the alias that starts it. */
export function aliasType(checker: Checker, decl: TypeDefDecl): Type {
  const name = decl.name.name;
  const done = checker.aliases.get(name);
  if (done !== undefined) return done;
  if (decl.type === undefined) return ERROR;
  const at = checker.aliasStack.indexOf(name);
  if (at >= 0) {
    const chain = [...checker.aliasStack.slice(at), name].join(" -> ");
    checker.report(3004, decl.name.span, [name, chain]);
    checker.cyclicAliases.add(name);
    return ERROR;
  }
  checker.aliasStack.push(name);
  const expanded = resolveType(checker, decl.type);
  checker.aliasStack.pop();
  const result = checker.cyclicAliases.has(name) ? ERROR : withAlias(expanded, name);
  checker.aliases.set(name, result);
  return result;
}
