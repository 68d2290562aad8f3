// `pith init`: starts a project: writes pith.json (the models, the precommit and ci profiles, the
// expected result of the first model's test) and a first model, models/hello.p, whose test passes,
// so that 'pith check' works at once and shows each part of the configuration in use. It never
// overwrites a file: when one of them exists, it writes nothing.
import { existsSync } from "node:fs";
import { writeTextFile } from "../files.ts";
import { join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { CONFIG_FILE } from "../config/config.ts";
import { SCHEMA_FILE } from "../config/load.ts";
import { UsageError, type Command } from "./command.ts";
import { EXIT_OK, EXIT_USAGE } from "./exit-codes.ts";

export const FIRST_MODEL = "models/hello.p";

/** The first model: two machines, one test, a few states, and an assertion that holds. */
export const HELLO_MODEL = `// A first model: a Client greets a Server three times, and the Server answers each greeting. The
// assertion checks that every answer is for the greeting the Client just sent. Change it, then
// run 'pith check' to see what Pith finds.

// A greeting says who sent it, so that the Server knows where to answer, and carries a number.
event eHello: (from: Client, n: int);
// An answer echoes the greeting's number.
event eAnswer: int;

machine Client {
  var server: Server;
  var sent: int;

  start state Greeting {
    entry {
      server = new Server();
      sent = 1;
      send server, eHello, (from = this, n = sent);
    }
    on eAnswer do (n: int) {
      assert n == sent, format("answer {0} to greeting {1}", n, sent);
      if (sent < 3) {
        sent = sent + 1;
        send server, eHello, (from = this, n = sent);
      } else {
        goto Done;
      }
    }
  }

  state Done {
  }
}

machine Server {
  start state Serving {
    on eHello do (hello: (from: Client, n: int)) {
      send hello.from, eAnswer, hello.n;
    }
  }
}

test tcHello [main=Client]: { Client, Server };
`;

/** Where pith.json's "$schema" points: the installed package's schema, relative to the project. */
function schemaReference(folder: string): string {
  const installed = join(folder, "node_modules", "pith", "schema", "pith.schema.json");
  const target = existsSync(installed) ? installed : fileURLToPath(SCHEMA_FILE);
  const path = relative(folder, target).split(sep).join("/");
  return path.startsWith(".") ? path : `./${path}`;
}

export function starterConfig(schema: string): string {
  return `{
  // Pith's project configuration: the models, how each profile checks them, and the results they
  // are expected to give. Comments are allowed. docs/config.md describes every field.
  "$schema": ${JSON.stringify(schema)},
  "models": [
    {
      "name": "hello",
      "paths": [${JSON.stringify(FIRST_MODEL)}],
      // A different verdict fails the check; a different state count is a warning.
      "expect": {
        "tcHello": { "verdict": "pass", "states": 8 }
      }
    }
  ],
  "profiles": {
    // 'pith check --profile precommit --staged', in the pre-commit hook: only the models whose
    // staged files changed, within seconds. A budget that runs out does not fail the commit.
    "precommit": { "mode": "bfs", "maxStates": 200000, "time": "3s" },
    // 'pith check --profile ci' on every push: exhaustive, within generous budgets.
    "ci": { "mode": "bfs", "time": "30m", "maxMemory": "4g" }
  }
}
`;
}

export const initCommand: Command = {
  name: "init",
  usage: "pith init [folder]",
  description:
    "Writes pith.json and a first model (models/hello.p, with a test that passes) in the folder\n" +
    "named, or in this one. Existing files are never overwritten: when pith.json or the model is\n" +
    "already there, nothing is written. Then run 'pith check'.",
  options: [],
  examples: ["pith init", "pith init services/journal"],
  run(ctx) {
    if (ctx.positionals.length > 1) throw new UsageError("give at most one folder");
    const folder = resolve(ctx.io.cwd, ctx.positionals[0] ?? ".");
    const files = [
      { path: join(folder, CONFIG_FILE), text: starterConfig(schemaReference(folder)) },
      { path: join(folder, ...FIRST_MODEL.split("/")), text: HELLO_MODEL },
    ];
    const shown = (p: string) => {
      const r = relative(ctx.io.cwd, p);
      return r === "" || r.startsWith("..") ? p : r;
    };
    const existing = files.filter((f) => existsSync(f.path));
    if (existing.length > 0) {
      ctx.io.err(
        `pith init: ${existing.map((f) => shown(f.path)).join(" and ")} already exist${existing.length === 1 ? "s" : ""}: nothing was written.\n` +
          "Move or remove it to start afresh, or add your models to the pith.json there (docs/config.md).\n",
      );
      return EXIT_USAGE;
    }
    for (const f of files) {
      writeTextFile(f.path, f.text, { flag: "wx" });
    }
    if (ctx.options.quiet !== true) {
      ctx.io.out(
        [
          `Wrote ${files.map((f) => shown(f.path)).join(" and ")}.`,
          "",
          "Next:",
          "  pith check                                check every model of pith.json",
          "  pith check --profile precommit --staged   what the pre-commit hook runs (see ci/README.md)",
          "  pith check --profile ci                   what CI runs",
          "",
        ].join("\n"),
      );
    }
    return EXIT_OK;
  },
};
