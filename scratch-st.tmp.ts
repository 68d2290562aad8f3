import { frontEnd } from "./src/driver.ts";
import { SourceFile } from "./src/diagnostics/source.ts";
for (const t of process.argv.slice(2)) { try { frontEnd([new SourceFile("a.p", t)]); console.log(JSON.stringify(t), "ok"); } catch (e) { console.log(JSON.stringify(t), (e as Error).stack?.split("\n").slice(0, 6).join("\n")); } }
