// Small models for the CLI tests, with their exact state counts.
import { HELLO_MODEL } from "../../src/cli/init.ts";

/** 8 distinct states; passes. */
export const hello = HELLO_MODEL;

/** `limit` ticks: limit + 2 distinct states; passes. */
export const counter = (limit = 3) => `
param limit: int;
event eTick;
machine Counter {
  var n: int;
  start state Run {
    entry { send this, eTick; }
    on eTick do { if (n < limit) { n = n + 1; send this, eTick; } }
  }
}
test param (limit in [${limit}]) tc [main=Counter]: { Counter };
`;

/** Two tests, two configurations each (four in all); all pass. */
export const twoTests = `
param limit: int;
event eTick;
machine Counter {
  var n: int;
  start state Run {
    entry { send this, eTick; }
    on eTick do { if (n < limit) { n = n + 1; send this, eTick; } }
  }
}
test param (limit in [1, 2]) tcA [main=Counter]: { Counter };
test param (limit in [3, 4]) tcB [main=Counter]: { Counter };
`;

/** Fails an assertion after two steps. */
export const broken = `
machine Main {
  var x: int;
  start state S {
    entry { x = 1; assert x == 2, "x is not 2"; }
  }
}
test tcBroken [main=Main]: { Main };
`;

/** A type error. */
export const illTyped = `
machine Main {
  var x: int;
  start state S { entry { x = true; } }
}
test tcMain [main=Main]: { Main };
`;

/** A pith.json for `models` (name to paths), with optional extra top-level text. */
export function configText(models: Record<string, string[]>, extra = ""): string {
  const entries = Object.entries(models).map(([name, paths]) => `    { "name": ${JSON.stringify(name)}, "paths": ${JSON.stringify(paths)} }`);
  return `{\n  "models": [\n${entries.join(",\n")}\n  ]${extra === "" ? "" : `,\n${extra}`}\n}\n`;
}
