// `pith gen ts <model> -o <file>`: write the TypeScript types, handler interfaces and trace recorder
// of a model, for the implementation to import.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { renderText } from "../diagnostics/render.ts";
import { frontEnd, hasErrors, loadModel } from "../driver.ts";
import { colorEnabled, flag, stringOption, UsageError, type Command } from "./command.ts";
import { EXIT_OK, EXIT_USAGE, EXIT_VIOLATION } from "./exit-codes.ts";
import { writeTextFile } from "../files.ts";

export const genCommand: Command = {
  name: "gen",
  usage: "pith gen ts <model files or folders...> -o <file.ts> [options]",
  description:
    "Writes a TypeScript module for the implementation of a model: a type for every event and its\n" +
    "payload, a handler interface and a snapshot type for every machine, and a trace recorder that\n" +
    "writes the NDJSON traces 'pith conform' checks. Without -o the module is printed. With --check,\n" +
    "writes nothing and exits 1 when the file differs from what would be written (for CI).",
  options: [
    { name: "out", short: "o", type: "string", value: "FILE", description: "Write the module to FILE (folders are made)." },
    { name: "check", type: "boolean", description: "Exit 1 when FILE is not what would be written; write nothing." },
  ],
  examples: [
    "pith gen ts examples/conformance/model -o examples/conformance/impl/generated.ts",
    "pith gen ts model/ -o src/model.generated.ts --check",
  ],
  async run(ctx) {
    const [target, ...paths] = ctx.positionals;
    if (target !== "ts") throw new UsageError(target === undefined ? "say what to generate: 'pith gen ts <model> -o <file>'" : `'pith gen' makes only 'ts', not '${target}'`);
    if (paths.length === 0) throw new UsageError("name the model: one or more .p files or folders");
    const out = stringOption(ctx.options, "out");
    if (flag(ctx.options, "check") && out === undefined) throw new UsageError("--check needs -o FILE, the file to compare");
    const loaded = loadModel(paths, ctx.io.cwd);
    if (loaded.problems.length > 0) throw new UsageError(loaded.problems.join("\n"));
    const front = frontEnd(loaded.files);
    if (hasErrors(front.diagnostics) || front.ir === undefined) {
      ctx.io.out(renderText(front.diagnostics, front.sources, { color: colorEnabled(ctx) }));
      return EXIT_USAGE;
    }
    const { generateTypeScript } = await import("../conform/gen-ts.ts");
    const command = `pith gen ts ${paths.join(" ")}${out === undefined ? "" : ` -o ${out}`}`;
    const text = generateTypeScript(front.ir, { modelPaths: paths, command, sources: front.sources });
    if (out === undefined) {
      ctx.io.out(text);
      return EXIT_OK;
    }
    const full = resolve(ctx.io.cwd, out);
    if (flag(ctx.options, "check")) {
      let current: string | undefined;
      try {
        current = readFileSync(full, "utf8");
      } catch {
        current = undefined;
      }
      if (current === text) {
        if (!flag(ctx.options, "quiet")) ctx.io.out(`${out} is up to date\n`);
        return EXIT_OK;
      }
      ctx.io.out(`${out} ${current === undefined ? "does not exist" : "is out of date"}: run '${command}'\n`);
      return EXIT_VIOLATION;
    }
    writeTextFile(full, text);
    if (!flag(ctx.options, "quiet")) ctx.io.out(`wrote ${out}\n`);
    return EXIT_OK;
  },
};
