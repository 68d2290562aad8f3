import fc from "fast-check";
import { Choices, choiceArray } from "./test/fuzz/choices.ts";
import { generateProgram } from "./test/fuzz/program/declarations.ts";
import { frontEnd } from "./src/driver.ts";
import { SourceFile } from "./src/diagnostics/source.ts";
const t0 = performance.now();
const samples = fc.sample(choiceArray(200, 3000), { numRuns: 500, seed: 7 });
const t1 = performance.now();
const texts = samples.map((s) => generateProgram(new Choices(s)));
const t2 = performance.now();
let lines = 0;
for (const t of texts) { lines += t.split("\n").length; try { frontEnd([new SourceFile("g.p", t)]); } catch {} }
const t3 = performance.now();
console.log({ sample: (t1 - t0) / 500, gen: (t2 - t1) / 500, fe: (t3 - t2) / 500, lines: lines / 500, maxLen: Math.max(...texts.map(t => t.length)) });
