// Finding the project configuration: pith.json in the working folder or the nearest folder above
// it, as git finds .git and npm finds package.json.
import { statSync } from "node:fs";
import { dirname, join } from "node:path";
import { CONFIG_FILE } from "./config.ts";

/** The absolute path of the nearest pith.json at or above `from`, or undefined. */
export function findConfigFile(from: string): string | undefined {
  let folder = from;
  for (;;) {
    const candidate = join(folder, CONFIG_FILE);
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not here: look in the folder above
    }
    const parent = dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}
