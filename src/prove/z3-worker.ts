// The worker thread that runs Z3 (WebAssembly). It takes one query at a time as SMT-LIB text, in a
// fresh Z3 context that is deleted afterwards, and answers with the verdict, the unsat core (the
// assumptions used) or the values asked for. Z3's own timeout bounds each check; the service that
// owns this worker also terminates it if Z3 does not come back.
import { parentPort } from "node:worker_threads";
import { init } from "z3-solver";
import type { WorkerReply, WorkerRequest } from "./solver.ts";

const port = parentPort;
if (port === null) throw new Error("z3-worker runs as a worker thread");

const api = await init();
const Z3 = api.Z3;

/** The parts of the Emscripten module used to pass text that outlives the call. */
interface Heap {
  _malloc(n: number): number;
  _free(p: number): void;
  readonly HEAPU8: Uint8Array;
  _async_Z3_eval_smtlib2_string(ctx: unknown, text: number): void;
  async_call(f: (...args: unknown[]) => void, ...args: unknown[]): Promise<string>;
}
const em = api.em as unknown as Heap;
const encoder = new TextEncoder();

/**
 * Runs SMT-LIB commands in a context and returns what they print. The text is copied to the heap
 * and freed when Z3 is done: the binding's own string argument lives on the stack of the calling
 * thread and may be overwritten while Z3's thread still reads it.
 */
async function evaluate(ctx: unknown, text: string): Promise<string> {
  const bytes = encoder.encode(text);
  const ptr = em._malloc(bytes.length + 1);
  try {
    em.HEAPU8.set(bytes, ptr);
    em.HEAPU8[ptr + bytes.length] = 0;
    return await em.async_call(em._async_Z3_eval_smtlib2_string as (...args: unknown[]) => void, ctx, ptr);
  } finally {
    em._free(ptr);
  }
}

function errorIn(output: string): string | undefined {
  const m = /\(error "((?:[^"]|"")*)"\)/.exec(output);
  return m === null ? undefined : m[1].replace(/""/g, '"');
}

async function solve(request: WorkerRequest): Promise<WorkerReply> {
  const cfg = Z3.mk_config();
  const ctx = Z3.mk_context(cfg);
  Z3.del_config(cfg);
  const start = performance.now();
  try {
    const setup =
      `(set-option :produce-unsat-cores true)\n(set-option :smt.core.minimize ${request.minimalCores})\n` +
      `(set-option :timeout ${Math.max(1, Math.round(request.timeoutMs))})\n`;
    const loaded = await evaluate(ctx, setup + request.script);
    const loadError = errorIn(loaded);
    if (loadError !== undefined) return { id: request.id, status: "error", message: loadError, ms: performance.now() - start };
    const check = request.assumptions.length === 0 ? "(check-sat)" : `(check-sat-assuming (${request.assumptions.join(" ")}))`;
    const verdict = (await evaluate(ctx, check)).trim();
    const ms = performance.now() - start;
    if (verdict === "unsat") {
      const core = (await evaluate(ctx, "(get-unsat-core)")).trim();
      const names = core.replace(/^\(|\)$/g, "").split(/\s+/).filter((x) => x !== "");
      return { id: request.id, status: "unsat", core: names, ms };
    }
    if (verdict === "sat") {
      let values: string | undefined;
      if (request.values.length > 0) {
        values = await evaluate(ctx, `(get-value (${request.values.join(" ")}))`);
        const valueError = errorIn(values);
        if (valueError !== undefined) return { id: request.id, status: "error", message: valueError, ms };
      }
      return { id: request.id, status: "sat", values, ms };
    }
    if (verdict === "unknown") {
      const reason = (await evaluate(ctx, "(get-info :reason-unknown)")).trim();
      return { id: request.id, status: "unknown", message: reason.replace(/^\(:reason-unknown "?|"?\)$/g, ""), ms };
    }
    return { id: request.id, status: "error", message: errorIn(verdict) ?? verdict, ms };
  } catch (error) {
    return { id: request.id, status: "error", message: error instanceof Error ? error.message : String(error), ms: performance.now() - start };
  } finally {
    Z3.del_context(ctx);
  }
}

port.on("message", (request: WorkerRequest) => {
  void solve(request).then((reply) => port.postMessage(reply));
});
port.postMessage({ ready: true, version: Z3.get_full_version() });
