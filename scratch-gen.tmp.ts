import fc from "fast-check";
import { Choices, choiceArray } from "./test/fuzz/choices.ts";
import { generateProgram } from "./test/fuzz/program/declarations.ts";
import { frontEnd } from "./src/driver.ts";
import { SourceFile } from "./src/diagnostics/source.ts";
const n = Number(process.argv[2] ?? 300);
const typed = process.argv[3] !== "mixed";
const samples = fc.sample(choiceArray(200, 3000), { numRuns: n, seed: 42 });
const codes = new Map<string, number>();
let lowered = 0, lines = 0, crashes = 0;
const t0 = performance.now();
let example: Record<string, string> = {};
for (const s of samples) {
  const text = generateProgram(new Choices(s), !typed);
  lines += text.split("\n").length;
  try {
    const r = frontEnd([new SourceFile("g.p", text)]);
    if (r.ir) lowered++;
    for (const d of r.diagnostics) { const k = `${d.code} ${d.message}`.slice(0, 90); codes.set(String(d.code), (codes.get(String(d.code)) ?? 0) + 1); example[d.code] ??= d.message + "\n" + text.slice(Math.max(0, d.span.start - 150), d.span.end + 50); }
  } catch (e) { crashes++; if (crashes <= 3) console.log("CRASH", (e as Error).message, "\n", (e as Error).stack?.split("\n").slice(0,4).join("\n")); }
}
console.log({ n, lowered, crashes, avgLines: lines / n, ms: (performance.now() - t0) / n });
console.log([...codes].sort((a, b) => b[1] - a[1]));
if (process.argv[4]) for (const [k, v] of Object.entries(example)) console.log("=====", k, v);
