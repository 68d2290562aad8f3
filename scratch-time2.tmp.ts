import fc from "fast-check";
import { Choices, choiceArray } from "./test/fuzz/choices.ts";
import { generateProgram } from "./test/fuzz/program/declarations.ts";
import { parseProgram } from "./src/syntax/parse.ts";
import { checkProgram } from "./src/types/check.ts";
import { lowerProgram } from "./src/ir/lower.ts";
import { SourceFile } from "./src/diagnostics/source.ts";
const samples = fc.sample(choiceArray(200, 3000), { numRuns: 500, seed: 7 });
const texts = samples.map((s) => generateProgram(new Choices(s), false));
let tp = 0, tc = 0, tl = 0, chars = 0;
for (let rep = 0; rep < 2; rep++) { tp = tc = tl = 0;
for (const t of texts) {
  chars += t.length;
  const a = performance.now();
  const p = parseProgram([new SourceFile("g.p", t)]);
  const b = performance.now();
  tp += b - a;
  if (p.diagnostics.length) continue;
  const ch = checkProgram(p.program);
  const c2 = performance.now();
  tc += c2 - b;
  if (ch.diagnostics.some(d => d.severity === "error")) continue;
  try { lowerProgram(ch.checked); } catch {}
  tl += performance.now() - c2;
}}
console.log({ parse: tp / 500, check: tc / 500, lower: tl / 500, chars: chars / 1000 });
