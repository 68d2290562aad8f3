#!/usr/bin/env node
// Entry point of the `pith` command. Pith is written in TypeScript and runs on Node's built-in type
// stripping (Node 22.18 or newer). When an older Node starts this file, re-run it with the Node that
// the package pins as a devDependency, or explain what to install.
import { spawn } from "node:child_process";
import module from "node:module";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const [major, minor] = process.versions.node.split(".").map(Number);
const supported = major > 22 || (major === 22 && minor >= 18);
if (supported) {
  // Keeps the compiled form of Pith's modules between runs (in the system's temporary folder), so
  // that a run starts in a fraction of the time; the cache is keyed by file contents.
  module.enableCompileCache?.();
  const { main } = await import("../src/cli/main.ts");
  await main();
} else {
  const root = join(dirname(fileURLToPath(import.meta.url)), "..");
  const pinned = join(root, "node_modules", "node", "bin", "node");
  if (!existsSync(pinned)) {
    process.stderr.write(
      `pith: Node ${process.versions.node} is too old; Pith needs Node 22.18 or newer.\n` +
        `Run 'npm ci' in ${root} to install the pinned Node, or install a newer Node.\n`,
    );
    process.exit(2);
  }
  const child = spawn(pinned, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: "inherit" });
  // Ctrl-C and termination go to the run, which stops cleanly and reports how far it got.
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal === "SIGINT" ? 130 : 1)));
}
