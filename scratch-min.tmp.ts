import fc from "fast-check";
import { Choices, choiceArray } from "./test/fuzz/choices.ts";
import { generateProgram } from "./test/fuzz/program/declarations.ts";
import { crashOf, minimise } from "./test/fuzz/minimise.ts";
const samples = fc.sample(choiceArray(200, 3000), { numRuns: Number(process.argv[2] ?? 300), seed: Number(process.argv[3] ?? 42) });
const seen = new Set<string>();
for (const s of samples) {
  const text = generateProgram(new Choices(s), process.argv[4] === "mixed");
  const sig = crashOf([{ path: "g.p", text }]);
  if (sig === undefined || seen.has(sig)) continue;
  seen.add(sig);
  const t0 = performance.now();
  const m = minimise([{ path: "g.p", text }], sig);
  console.log("SIG", sig, `(${(performance.now() - t0).toFixed(0)} ms)`);
  console.log(m.map((f) => f.text).join("\n---\n"));
}
