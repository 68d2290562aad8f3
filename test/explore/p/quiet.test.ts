// Quiet calls (src/explore/p/quiet.ts): which functions are quiet, and that the explorer runs a
// quiet call made before a step's first choice once per step, handing its result and its writes
// to the machine's variables to the step's other runs, with every state and transition as they
// would be without it.
import { describe, expect, it } from "vitest";
import { frontEnd } from "../../../src/driver.ts";
import { SourceFile } from "../../../src/diagnostics/source.ts";
import { exploreSync } from "../../../src/explore/engine/index.ts";
import type { ModelIR } from "../../../src/ir/ir.ts";
import { PModel } from "../../../src/explore/p/model.ts";
import { CompiledProgram, type CompiledFunction } from "../../../src/explore/p/program.ts";
import { quietFunctions } from "../../../src/explore/p/quiet.ts";

function lower(text: string): ModelIR {
  const result = frontEnd([new SourceFile("quiet.p", text)]);
  expect(result.diagnostics.filter((d) => d.severity === "error").map((d) => d.message)).toEqual([]);
  return result.ir!;
}

function functionId(ir: ModelIR, name: string): number {
  const fn = ir.functions.find((f) => f.name === `M.${name}`);
  if (fn === undefined) throw new Error(`no function ${name}`);
  return fn.id;
}

describe("quietFunctions", () => {
  const ir = lower(`
    event ePing;
    machine Other { start state S { ignore ePing; } }
    machine M {
      var x: int;
      var s: set[int];
      start state S {
        entry { }
        on ePing goto T;
      }
      state T { }
      fun reads(): int { return x + sizeof(s); }
      fun writesAndLoops(n: int): int { var i: int; while (i < n) { s += (i); i = i + 1; } x = x + 1; return i; }
      fun callsQuiet(): int { return reads() + writesAndLoops(2); }
      fun fails(): int { assert x > 0, "x is positive"; return 10 / x; }
      fun sendsPing() { send this, ePing; }
      fun announces() { announce ePing; }
      fun raises() { raise ePing; }
      fun changesState() { goto T; }
      fun prints() { print "x"; }
      fun chooses(): int { return choose(3); }
      fun flips(): bool { return $; }
      fun creates() { new Other(); }
      fun receivesPing() { receive { case ePing: { } } }
      fun callsLoud(): int { sendsPing(); return 1; }
      fun evenLoud(n: int): bool { if (n == 0) { sendsPing(); return true; } return oddLoud(n - 1); }
      fun oddLoud(n: int): bool { if (n == 0) return false; return evenLoud(n - 1); }
      fun evenQuiet(n: int): bool { if (n == 0) return true; return oddQuiet(n - 1); }
      fun oddQuiet(n: int): bool { if (n == 0) return false; return evenQuiet(n - 1); }
    }
    test t [main=M]: { M, Other };
  `);
  const quiet = quietFunctions(ir);
  const names = (q: boolean) =>
    ir.functions.filter((f) => f.kind === "machine" && quiet[f.id] === q).map((f) => f.name.slice("M.".length)).sort();

  it("finds the functions that only compute, read and write the machine's variables, loop or fail", () => {
    expect(names(true)).toEqual(["callsQuiet", "evenQuiet", "fails", "oddQuiet", "reads", "writesAndLoops"]);
  });

  it("finds every kind of operation another machine could see or a choice, and calls of such functions", () => {
    expect(names(false)).toEqual([
      "announces",
      "callsLoud",
      "changesState",
      "chooses",
      "creates",
      "evenLoud",
      "flips",
      "oddLoud",
      "prints",
      "raises",
      "receivesPing",
      "sendsPing",
    ]);
  });
});

describe("quiet calls in the explorer", () => {
  // `options` is quiet: it loops, and writes `probes` before the handler chooses. While x < 5 a
  // step has three runs (x grows by 1, 2 or 3), and every one of them must see probes + 1.
  const ir = lower(`
    machine M {
      var x: int;
      var probes: int;
      start state S {
        on null do {
          var n: int;
          n = options();
          if (n > 0) { x = x + 1 + choose(n); }
        }
      }
      fun options(): int {
        var i: int;
        while (i < 4) { i = i + 1; }
        if (x >= 5) return 0;
        probes = probes + 1;
        return i - 1;
      }
    }
    test t [main=M]: { M };
  `);

  /** The states (x, probes) and transitions worked out directly. */
  function expected(): { distinct: number; transitions: number } {
    const seen = new Set(["0,0"]);
    const queue: [number, number][] = [[0, 0]];
    let transitions = 0;
    for (let i = 0; i < queue.length; i++) {
      const [x, p] = queue[i];
      // At x >= 5 the one step changes nothing: it is kept, as the state's only emission.
      const next: [number, number][] = x >= 5 ? [[x, p]] : [1, 2, 3].map((d) => [x + d, p + 1]);
      for (const [nx, np] of next) {
        transitions++;
        if (!seen.has(`${nx},${np}`)) {
          seen.add(`${nx},${np}`);
          queue.push([nx, np]);
        }
      }
    }
    return { distinct: seen.size, transitions };
  }

  it("reaches the same states and transitions, calling the quiet function once per step", () => {
    const program = new CompiledProgram(ir);
    const id = functionId(ir, "options");
    const functions = program.functions as (CompiledFunction | null)[];
    const original = functions[id]!;
    let calls = 0;
    functions[id] = (rt, vars, ...args) => {
      calls++;
      return original(rt, vars, ...args);
    };
    const result = exploreSync(new PModel(program, ir.tests[0]), { mode: "bfs" });
    const want = expected();
    expect(result.verdict).toBe("pass");
    expect([result.stats.distinct, result.stats.transitions]).toEqual([want.distinct, want.transitions]);
    expect(want).toEqual({ distinct: 21, transitions: 41 });
    // One call per expanded state, where each of the 10 states with x < 5 has three runs.
    expect(result.stats.expanded).toBe(21);
    expect(calls).toBe(21);
  });
});
