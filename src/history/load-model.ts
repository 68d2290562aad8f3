// The model `--model` names: a built-in one, or a TypeScript or JavaScript module of the user's
// that exports a SequentialModel as `model` or as its default export.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { SequentialModel } from "./model.ts";
import { BUILTIN_MODELS } from "./models/index.ts";

const REQUIRED = ["checkInvocation", "checkResult", "init", "step", "key"] as const;

/** Why `value` is not a SequentialModel, or undefined. */
function modelProblem(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null) return "it exports no model: export a SequentialModel as 'model' or as the default export";
  const v = value as Record<string, unknown>;
  if (typeof v.name !== "string") return "the model has no 'name' (a string)";
  const missing = REQUIRED.filter((m) => typeof v[m] !== "function");
  if (missing.length > 0) return `the model lacks the method${missing.length === 1 ? "" : "s"} ${missing.join(", ")} (see docs/history.md)`;
  return undefined;
}

function looksLikePath(name: string): boolean {
  return /[/\\]/.test(name) || /\.(ts|mts|js|mjs)$/.test(name);
}

/** The model, or a message that says what is wrong. */
export async function loadHistoryModel(name: string, cwd: string): Promise<SequentialModel | { readonly problem: string }> {
  const builtin = Object.hasOwn(BUILTIN_MODELS, name) ? BUILTIN_MODELS[name] : undefined;
  if (builtin !== undefined) return builtin;
  const known = Object.keys(BUILTIN_MODELS).join(", ");
  if (!looksLikePath(name)) return { problem: `there is no model '${name}': the built-in ones are ${known}, or name a .ts module of your own` };
  const full = resolve(cwd, name);
  if (!existsSync(full)) return { problem: `${name}: no such file` };
  let module: Record<string, unknown>;
  try {
    module = (await import(pathToFileURL(full).href)) as Record<string, unknown>;
  } catch (error) {
    return { problem: `${name} cannot be loaded: ${(error as Error).message}` };
  }
  const candidate = module.model ?? module.default;
  const problem = modelProblem(candidate);
  return problem === undefined ? (candidate as SequentialModel) : { problem: `${name}: ${problem}` };
}
