// Quiet functions: those whose running nothing outside the machine can see and nothing but the
// machine's variables and their arguments decides. A quiet function makes no choice, sends,
// announces, raises, changes state, receives, creates or prints, and calls only quiet functions;
// it may read and write the machine's variables, loop and fail.
//
// Every run of one step starts from the same state and is the same up to its first new choice, so
// a quiet call made before that point returns the same value and leaves the same variables in
// every run. The explorer keeps what such calls did in the step's first run and hands it to the
// later runs instead of calling again (MachineRun.quietStart): the common shape of a handler that
// works out what is enabled and then chooses among it works it out once per step, not once per
// choice.
import type { ExprIR, FunctionIR, ModelIR } from "../../ir/ir.ts";
import { walkExpr, walkStmts } from "../../ir/walk.ts";

/** Whether each function of the model (by id) is quiet. */
export function quietFunctions(model: ModelIR): boolean[] {
  const calls: number[][] = model.functions.map(() => []);
  const quiet = model.functions.map((fn) => ownCodeIsQuiet(fn, calls[fn.id]));
  // A function calling one that is not quiet is not quiet either, until nothing changes.
  for (let changed = true; changed; ) {
    changed = false;
    model.functions.forEach((fn) => {
      if (quiet[fn.id] && calls[fn.id].some((callee) => !quiet[callee])) {
        quiet[fn.id] = false;
        changed = true;
      }
    });
  }
  return quiet;
}

/** Whether evaluating `e` is quiet, given which functions are. */
export function isQuietExpr(e: ExprIR, quiet: readonly boolean[]): boolean {
  let ok = true;
  walkExpr(e, {
    expr: (x) => {
      if (loudExpr(x) || (x.k === "call" && !quiet[x.fn])) ok = false;
    },
  });
  return ok;
}

/** Whether `fn`'s own statements are quiet; the functions it calls are added to `calls`. */
function ownCodeIsQuiet(fn: FunctionIR, calls: number[]): boolean {
  let ok = true;
  walkStmts(fn.body, {
    stmt: (s) => {
      switch (s.k) {
        case "raise":
        case "send":
        case "announce":
        case "goto":
        case "receive":
        case "print":
          ok = false;
      }
    },
    expr: (e) => {
      if (loudExpr(e)) ok = false;
      if (e.k === "call") calls.push(e.fn);
    },
  });
  return ok;
}

/** Expressions that choose or create a machine. */
function loudExpr(e: ExprIR): boolean {
  return e.k === "nondet" || e.k === "choose" || e.k === "new";
}
