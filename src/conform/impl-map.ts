// The link map as reports use it: for each handler of the model (a machine type and an event), the
// method of the implementation that handles it, at its file and line. `pith link` makes it from
// the code (link.ts); the reports of `pith check`, `pith replay` and `pith conform` show it next
// to the model's own locations, so that a counterexample points into the implementation too. This
// module loads nothing: reporters can take a map without loading ts-morph.
import { existsSync, statSync } from "node:fs";
import { basename } from "node:path";
import { MODEL_EXTENSION } from "../model-files.ts";
import type { CodeLocation, HandlerLink } from "./link.ts";

/** Where a handler is implemented: the method's file (as shown, relative to the working folder) and line. */
export interface ImplLocation extends CodeLocation {
  readonly method: string;
}

export class ImplementationMap {
  private readonly byHandler = new Map<string, ImplLocation>();

  constructor(handlers: readonly HandlerLink[]) {
    for (const h of handlers) {
      const key = `${h.machine}\u0000${h.event}`;
      if (h.code !== undefined && !this.byHandler.has(key)) this.byHandler.set(key, { ...h.code, method: h.method });
    }
  }

  /** The method that handles `event` in machines of type `machine`, when the code has one. */
  of(machine: string, event: string): ImplLocation | undefined {
    return this.byHandler.get(`${machine}\u0000${event}`);
  }
}

/** `examples/conformance/impl/primary.ts:42`. */
export function implText(at: CodeLocation): string {
  return `${at.file}:${at.line}`;
}

/** The `impl` field of JSON reports: `{file, line, method}`. */
export function implJson(at: ImplLocation): { file: string; line: number; method: string } {
  return { file: at.file, line: at.line, method: at.method };
}

/**
 * What is wrong with `full` as the code to link (a tsconfig.json, or a folder of .ts files), or
 * undefined when it is fine. `shown` is the path as the user wrote it.
 */
export function codePathProblem(full: string, shown: string): string | undefined {
  if (!existsSync(full)) return `${shown}: no such file or folder`;
  if (statSync(full).isDirectory() || basename(full).endsWith(".json")) return undefined;
  return `${shown}: the code is a tsconfig.json or a folder of .ts files${full.endsWith(MODEL_EXTENSION) ? " (it comes after the model)" : ""}`;
}
