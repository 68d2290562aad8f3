// Whether a function body always ends by leaving the function: every path reaches a `return`,
// `raise` or `goto`, or a failing `assert false`, or loops forever (`while (true)` with no
// `break` out of it). Conservative in the way P's compiler is: a condition is not evaluated.
import type { Stmt } from "../ast/nodes.ts";
import { walk } from "../ast/visit.ts";

export function endsOnEveryPath(stmts: readonly Stmt[]): boolean {
  return stmts.some(ends);
}

function ends(s: Stmt): boolean {
  switch (s.kind) {
    case "Return":
    case "Raise":
    case "Goto":
      return true;
    case "Assert":
      return s.condition.kind === "BoolLit" && !s.condition.value;
    case "Block":
      return endsOnEveryPath(s.statements);
    case "If":
      return s.else !== undefined && ends(s.then) && ends(s.else);
    case "While":
      return s.condition.kind === "BoolLit" && s.condition.value && !breaksOut(s.body);
    default:
      return false;
  }
}

/** A `break` that leaves this loop (not one of a loop inside it). */
function breaksOut(body: Stmt): boolean {
  let found = false;
  walk(body, {
    enter(node) {
      if (node.kind === "While" || node.kind === "Foreach" || node.kind === "AnonFunction") return false;
      if (node.kind === "Break") found = true;
      return !found;
    },
  });
  return found;
}
