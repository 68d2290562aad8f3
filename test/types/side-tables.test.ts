// The side tables are complete: over every model of the ok/ corpus, every expression has a type,
// every type expression a meaning, every name occurrence a symbol, and every function a record.
import { readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Node } from "../../src/ast/nodes.ts";
import { frontEnd, loadModel } from "../../src/driver.ts";
import { allNodes } from "./helpers.ts";

const okDir = join(dirname(fileURLToPath(import.meta.url)), "..", "corpus", "ok");
const models = readdirSync(okDir).filter((n) => n.endsWith(".p") || statSync(join(okDir, n)).isDirectory());

const EXPRESSION_KINDS = new Set<string>([
  "Name", "IntLit", "FloatLit", "BoolLit", "StringLit", "NullLit", "This", "Halt", "Nondet", "Tuple",
  "NamedTuple", "Field", "TupleIndex", "Index", "CollectionOp", "Default", "New", "Call", "Unary", "Binary",
  "Cast", "Choose", "Format", "Quantifier", "Is", "Targets", "MessagePredicate",
]);
const TYPE_KINDS = new Set<string>(["PrimitiveType", "SeqType", "SetType", "MapType", "TupleType", "NamedTupleType", "NamedType"]);

describe.each(models)("side tables of %s", (name) => {
  it("cover every expression, type, name and function", () => {
    const { files, problems } = loadModel([name], okDir);
    expect(problems).toEqual([]);
    const result = frontEnd(files);
    const checked = result.checked;
    expect(checked).toBeDefined();
    if (checked === undefined) return;
    const missing: string[] = [];
    const describe = (n: Node): string => `${n.kind}@${n.span.file}:${n.span.start}`;
    for (const node of allNodes(checked.program)) {
      if (EXPRESSION_KINDS.has(node.kind) && !checked.exprTypes.has(node.id)) missing.push(`type of ${describe(node)}`);
      if (TYPE_KINDS.has(node.kind) && !checked.typeExprTypes.has(node.id)) missing.push(`meaning of ${describe(node)}`);
      if ((node.kind === "Name" || node.kind === "EventRef") && !checked.symbols.has(node.id)) {
        missing.push(`symbol of ${describe(node)}`);
      }
      if (node.kind === "NamedType" || node.kind === "New" || node.kind === "NewStmt" || node.kind === "Goto") {
        const ident = node.kind === "NamedType" ? node.name : node.kind === "Goto" ? node.state : node.machine;
        if (!checked.symbols.has(ident.id)) missing.push(`symbol of ${describe(node)}`);
      }
      if ((node.kind === "Call" || node.kind === "CallStmt") && !checked.symbols.has(node.callee.id)) {
        missing.push(`symbol of ${describe(node)}`);
      }
      if ((node.kind === "FunDecl" || node.kind === "AnonFunction") && !checked.functionsById.has(node.id)) {
        missing.push(`record of ${describe(node)}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
