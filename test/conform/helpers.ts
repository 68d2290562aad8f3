// Shared by the conformance tests: models written inline, their IR, and a TypeScript compiler
// (the one ts-morph carries) to compile generated code and implementations against it.
import { Project, ts } from "ts-morph";
import { frontEnd } from "../../src/driver.ts";
import { SourceFile } from "../../src/diagnostics/source.ts";
import type { FrontEndResult } from "../../src/driver.ts";
import { generateTypeScript } from "../../src/conform/gen-ts.ts";

export { folder, pith, write } from "../cli/helpers.ts";

/** The front end's result for a model given as text; fails the test on errors. */
export function model(files: Record<string, string>): FrontEndResult {
  const front = frontEnd(Object.entries(files).map(([path, text]) => new SourceFile(path, text)));
  if (front.ir === undefined) throw new Error(front.diagnostics.map((d) => d.message).join("\n"));
  return front;
}

export function generated(files: Record<string, string>): string {
  const front = model(files);
  return generateTypeScript(front.ir!, { modelPaths: Object.keys(files), command: "pith gen ts model.p -o model.generated.ts", sources: front.sources });
}

/**
 * Type-checks TypeScript files (path to text) as one strict project and returns the error
 * messages, each as `file:line: message`.
 */
export function compile(files: Record<string, string>): string[] {
  const project = new Project({
    useInMemoryFileSystem: true,
    compilerOptions: {
      strict: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      allowImportingTsExtensions: true,
      noEmit: true,
      lib: ["lib.es2022.d.ts"],
    },
  });
  for (const [path, text] of Object.entries(files)) project.createSourceFile(path, text);
  return project.getPreEmitDiagnostics().map((d) => {
    const file = d.getSourceFile();
    const where = file === undefined ? "" : `${file.getBaseName()}:${d.getLineNumber() ?? "?"}: `;
    const message = d.getMessageText();
    return where + (typeof message === "string" ? message : ts.flattenDiagnosticMessageText(message.compilerObject, "\n"));
  });
}
