// `pith replay trace.json`: runs a recorded counterexample again against the model as it is now,
// step by step, and shows the same failure (or says where the model no longer follows the trace).
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { renderText } from "../diagnostics/render.ts";
import { frontEnd, hasErrors, loadModel } from "../driver.ts";
import { fingerprintHex, type TraceStep } from "../explore/engine/index.ts";
import { PModel } from "../explore/p/model.ts";
import { CompiledProgram } from "../explore/p/program.ts";
import { describeTrace } from "../explore/p/trace.ts";
import { traceText } from "../report/check-text.ts";
import { parseTraceFile } from "../report/trace-json.ts";
import { findConfiguration } from "./analyse.ts";
import { colorEnabled, stringOption, UsageError, type Command } from "./command.ts";
import { EXIT_OK, EXIT_USAGE, EXIT_VIOLATION } from "./exit-codes.ts";
import { loadImplementationMap } from "./link.ts";

export const replayCommand: Command = {
  name: "replay",
  usage: "pith replay <trace.json> [--link PATH] [options]",
  description:
    "Reads a trace written by 'pith check --trace-out', checks the model again, and follows the\n" +
    "recorded steps. Prints the counterexample and exits 1 when the failure happens again, 0 when\n" +
    "the model no longer fails this way (it says at which step it departs), 2 on a bad trace file.\n" +
    "With --link, each step also shows the method of the implementation that handles it.",
  options: [{ name: "link", type: "string", value: "PATH", description: "The implementation (a tsconfig.json or a folder of .ts files): steps show its methods." }],
  examples: ["pith replay bug.json", "pith check model.p --trace-out bug.json; pith replay bug.json", "pith replay bug.json --link src/"],
  async run(ctx) {
    const path = ctx.positionals[0];
    if (path === undefined) throw new UsageError("name the trace file, e.g. 'pith replay bug.json'");
    const full = resolve(ctx.io.cwd, path);
    if (!existsSync(full)) throw new UsageError(`${path}: no such file`);
    const parsed = parseTraceFile(readFileSync(full, "utf8"));
    if ("error" in parsed) throw new UsageError(`${path}: ${parsed.error}`);
    const meta = parsed.trace["#meta"];
    // Model paths are as they were given when the trace was recorded; try them from here, then
    // from the trace's own folder.
    const base = meta.model.every((f) => existsSync(resolve(ctx.io.cwd, f))) ? ctx.io.cwd : dirname(full);
    const loaded = loadModel(meta.model, base);
    if (loaded.problems.length > 0) throw new UsageError(`the model of this trace cannot be read:\n${loaded.problems.join("\n")}`);
    const front = frontEnd(loaded.files);
    if (hasErrors(front.diagnostics) || front.ir === undefined) {
      ctx.io.out(renderText(front.diagnostics, front.sources, { color: colorEnabled(ctx) }));
      return EXIT_USAGE;
    }
    const test = findConfiguration(front.ir, meta.test);
    if (test === undefined) throw new UsageError(`the model has no test '${meta.test}' any more`);
    const model = new PModel(new CompiledProgram(front.ir), test);
    const steps: TraceStep[] = [];
    let state: Int32Array | null = null;
    const recorded = parsed.trace.states;
    for (const [i, ordinal] of [...meta.ordinals, ...(meta.cycle ?? [])].entries()) {
      let emission;
      try {
        emission = model.emission(state, ordinal);
      } catch {
        ctx.io.out(`the model no longer follows the trace: step ${i + 1} is not possible any more\n`);
        return EXIT_OK;
      }
      const next = emission.world === undefined ? null : model.encode(emission.world);
      const expected = (recorded[i]?.["#meta"] as { fingerprint?: string } | undefined)?.fingerprint;
      if (next !== null && expected !== undefined && fingerprintHex(next, next.length) !== expected) {
        ctx.io.out(`the model no longer follows the trace: the state after step ${i + 1} differs from the recorded one\n`);
        return EXIT_OK;
      }
      steps.push({ ordinal, action: emission.machine, process: emission.machine, label: "", state: next, stateIndex: -1 });
      state = next;
    }
    const views = describeTrace(model, steps);
    const prefix = views.slice(0, meta.ordinals.length);
    const cycle = meta.cycle === undefined ? undefined : views.slice(meta.ordinals.length);
    const last = views[views.length - 1];
    const reproduced = meta.kind === "deadlock" || meta.kind === "liveness" || last?.failure !== undefined;
    if (!reproduced) {
      ctx.io.out(`the trace runs to its end but the ${meta.kind} does not happen any more\n`);
      return EXIT_OK;
    }
    const message = last?.failure?.message ?? meta.message;
    const link = stringOption(ctx.options, "link");
    const impl = link === undefined ? undefined : await loadImplementationMap(front.ir, front.sources, ctx.io.cwd, link, ctx.io.cwd);
    ctx.io.out(
      `${meta.test}: ${meta.kind}: ${message}\n` +
        traceText(
          { kind: meta.kind, message, span: last?.failure?.span, steps: prefix, cycle, monitor: undefined, ordinals: meta.ordinals },
          front.sources,
          colorEnabled(ctx),
          impl,
        ),
    );
    return EXIT_VIOLATION;
  },
};
