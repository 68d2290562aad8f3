// Shared by the tests of the shipped proofs (specs/*/proof): `pith prove` on a model, as the
// command runs it, with a fresh Z3 worker and 5 s per query.
import { expect } from "vitest";
import type { SourceFile } from "../../src/diagnostics/source.ts";
import { frontEnd } from "../../src/driver.ts";
import { prove } from "../../src/prove/prove.ts";
import type { ProofReport } from "../../src/prove/result.ts";
import { Z3Service } from "../../src/prove/solver.ts";

/** Proves the model made of `files`, which must have no errors. */
export async function proveModel(files: readonly SourceFile[]): Promise<ProofReport> {
  const fe = frontEnd(files);
  expect(fe.diagnostics).toEqual([]);
  const solver = new Z3Service({ timeoutMs: 5_000 });
  try {
    return await prove(fe.ir!, fe.checked!, { solver });
  } finally {
    await solver.close();
  }
}
