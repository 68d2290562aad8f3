// `pith link <model> <tsconfig or source folder>`: which classes implement which machines, where
// each handler of the model is in the code, and what does not line up.
import { statSync } from "node:fs";
import { resolve } from "node:path";
import { renderText } from "../diagnostics/render.ts";
import { codePathProblem, type ImplementationMap } from "../conform/impl-map.ts";
import type { SourceSet } from "../diagnostics/source.ts";
import type { ModelIR } from "../ir/ir.ts";
import { frontEnd, hasErrors, loadModel } from "../driver.ts";
import { colorEnabled, flag, UsageError, type Command } from "./command.ts";
import { EXIT_OK, EXIT_USAGE, EXIT_VIOLATION } from "./exit-codes.ts";

export const linkCommand: Command = {
  name: "link",
  usage: "pith link <model files or folders...> <tsconfig.json or source folder> [options]",
  description:
    "Finds the classes that implement the model's machines (decorated @machine(\"Name\"), or\n" +
    "implementing NameHandlers from 'pith gen ts'), pairs each handler of the model with its method,\n" +
    "and reports events a machine handles that its class does not, methods for events the model\n" +
    "does not have or the machine does not handle, events the machine sends or announces that the\n" +
    "class never records, and machines with more than one class. The last argument is the code: a\n" +
    "tsconfig.json, or a folder whose .ts files are read. Exits 0 without findings, 1 with some.",
  options: [],
  examples: ["pith link examples/conformance/model examples/conformance/impl", "pith link model/ tsconfig.json --json"],
  async run(ctx) {
    if (ctx.positionals.length < 2) throw new UsageError("name the model and then the code: 'pith link <model> <tsconfig.json or folder>'");
    const code = ctx.positionals[ctx.positionals.length - 1];
    const modelPaths = ctx.positionals.slice(0, -1);
    const full = resolve(ctx.io.cwd, code);
    const problem = codePathProblem(full, code);
    if (problem !== undefined) throw new UsageError(problem);
    const loaded = loadModel(modelPaths, ctx.io.cwd);
    if (loaded.problems.length > 0) throw new UsageError(loaded.problems.join("\n"));
    const front = frontEnd(loaded.files);
    if (hasErrors(front.diagnostics) || front.ir === undefined) {
      ctx.io.out(renderText(front.diagnostics, front.sources, { color: colorEnabled(ctx) }));
      return EXIT_USAGE;
    }
    const { linkImplementation, linkJson, linkText, loadCode } = await import("../conform/link.ts");
    let project;
    try {
      project = loadCode(full, !statSync(full).isDirectory());
    } catch (error) {
      throw new UsageError(`${code} cannot be read: ${(error as Error).message}`);
    }
    const report = linkImplementation(front.ir, front.sources, project, ctx.io.cwd);
    if (flag(ctx.options, "json")) ctx.io.out(JSON.stringify(linkJson(report), null, 2) + "\n");
    else ctx.io.out(linkText(report));
    return report.findings.length === 0 ? EXIT_OK : EXIT_VIOLATION;
  },
};

/**
 * The link map of a model against its implementation, for the reports that show counterexample
 * steps: `code` is a tsconfig.json or a folder, as the user wrote it, relative to `base`; file
 * paths in the map are relative to `cwd`. A usage error when the code is not there or cannot be read.
 */
export async function loadImplementationMap(ir: ModelIR, sources: SourceSet, base: string, code: string, cwd: string): Promise<ImplementationMap> {
  const full = resolve(base, code);
  const problem = codePathProblem(full, code);
  if (problem !== undefined) throw new UsageError(problem);
  const { implementationMap } = await import("../conform/link.ts");
  try {
    return implementationMap(ir, sources, full, cwd);
  } catch (error) {
    throw new UsageError(`${code} cannot be read: ${(error as Error).message}`);
  }
}
