import { parseProgram } from "./src/syntax/parse.ts";
import { SourceFile } from "./src/diagnostics/source.ts";
for (const t of ["fun f() { x = .5; }", "fun f() { x = (.5 to int); }", "type T = (a: int,);", "fun f() { x = !a == b; }"]) console.log(t, parseProgram([new SourceFile("a.p", t)]).diagnostics.map(d => d.message));
