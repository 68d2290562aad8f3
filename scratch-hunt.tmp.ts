import fc from "fast-check";
import { Choices, choiceArray } from "./test/fuzz/choices.ts";
import { generateProgram } from "./test/fuzz/program/declarations.ts";
import { crashOf, minimise, type ModelFile } from "./test/fuzz/minimise.ts";
import { loadCorpus, mutatedModel } from "./test/fuzz/mutate.ts";
import { soup } from "./test/fuzz/soup.ts";
import { frontEnd } from "./src/driver.ts";
import { SourceFile } from "./src/diagnostics/source.ts";
const which = process.argv[2];
const n = Number(process.argv[3]);
const seed = Number(process.argv[4]);
const arb: fc.Arbitrary<ModelFile[]> = which === "soup" ? soup.map((t) => [{ path: "s.p", text: t }])
  : which === "mut" ? mutatedModel(loadCorpus())
  : choiceArray(100, 3000).map((c) => [{ path: "g.p", text: generateProgram(new Choices(c), which !== "typed") }]);
const seen = new Map<string, number>();
let checked = 0, lowered = 0;
const t0 = performance.now();
for (const files of fc.sample(arb, { numRuns: n, seed })) {
  let sig: string | undefined;
  try { const r = frontEnd(files.map((f) => new SourceFile(f.path, f.text))); if (r.checked) checked++; if (r.ir) lowered++; } catch { sig = crashOf(files); }
  if (sig === undefined) continue;
  seen.set(sig, (seen.get(sig) ?? 0) + 1);
  if (seen.get(sig) === 1) {
    const m = minimise(files, sig);
    console.log("SIG", sig, "\n", m.map((f) => f.text).join("\n---\n"));
  }
}
console.log(which, { n, checked, lowered, ms: (performance.now() - t0) / n }, [...seen]);
