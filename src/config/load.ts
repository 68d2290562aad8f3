// Reading pith.json: JSON with comments (jsonc-parser, which keeps every node's offset), checked
// against the published JSON Schema (ajv), then a few rules the schema cannot say (model names
// are unique), and turned into the typed ProjectConfig. Every problem is reported at once, each
// at its line and column.
import { readFileSync } from "node:fs";
import { dirname } from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import { findNodeAtLocation, getNodeValue, parseTree, type Node, type ParseError } from "jsonc-parser";
import { SourceFile } from "../diagnostics/source.ts";
import type { ConfigPosition, Expectation, ModelConfig, ProjectConfig, Settings } from "./config.ts";
import { schemaErrors, syntaxError, type ConfigError } from "./errors.ts";

/** The published schema that pith.json names in `"$schema"`. */
export const SCHEMA_FILE = new URL("../../schema/pith.schema.json", import.meta.url);

let validator: ValidateFunction | undefined;

function validate(): ValidateFunction {
  if (validator === undefined) {
    const schema = JSON.parse(readFileSync(SCHEMA_FILE, "utf8")) as object;
    validator = new Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true }).compile(schema);
  }
  return validator;
}

export type ConfigResult = { readonly config: ProjectConfig } | { readonly errors: readonly ConfigError[] };

/**
 * Reads the configuration whose text is `text`; `file` is its absolute path (model paths are
 * relative to its folder) and `shown` the path printed in messages.
 */
export function parseConfig(text: string, file: string, shown: string): ConfigResult {
  const syntax: ParseError[] = [];
  const tree = parseTree(text, syntax, { allowTrailingComma: true, disallowComments: false });
  if (syntax.length > 0 || tree === undefined) {
    const errors = syntax.map((e) => syntaxError(shown, e));
    return { errors: errors.length > 0 ? errors : [{ file: shown, offset: 0, length: 1, message: "the file is empty: it should hold an object { \"models\": [...] }" }] };
  }
  const value: unknown = getNodeValue(tree);
  const check = validate();
  if (!check(value)) return { errors: schemaErrors(shown, tree, check.errors ?? []) };
  const data = value as RawConfig;
  const source = new SourceFile(shown, text);
  const position = (path: (string | number)[], key = false): ConfigPosition => {
    const node = findNodeAtLocation(tree, path);
    const at = key ? (node?.parent?.children?.[0] ?? node) : node;
    return source.position(at?.offset ?? 0);
  };
  const errors = duplicateNames(shown, tree, data);
  if (errors.length > 0) return { errors };
  const models: ModelConfig[] = data.models.map((m, i) => ({
    name: m.name,
    paths: m.paths,
    tests: m.tests,
    params: m.params ?? {},
    profiles: m.profiles ?? {},
    expect: Object.fromEntries(
      Object.entries(m.expect ?? {}).map(([name, e]): [string, Expectation] => [name, { ...e, at: position(["models", i, "expect", name], true) }]),
    ),
    ...(m.link === undefined ? {} : { link: m.link, linkAt: position(["models", i, "link"]) }),
    at: position(["models", i]),
    testsAt: (m.tests ?? []).map((_, j) => position(["models", i, "tests", j])),
  }));
  return { config: { file, root: dirname(file), models, profiles: data.profiles ?? {}, conformance: data.conformance ?? [] } };
}

/** Reads pith.json from disk. */
export function loadConfig(file: string, shown: string): ConfigResult {
  return parseConfig(readFileSync(file, "utf8"), file, shown);
}

interface RawConfig {
  readonly models: {
    readonly name: string;
    readonly paths: string[];
    readonly tests?: string[];
    readonly params?: Record<string, number | boolean>;
    readonly profiles?: Record<string, Settings>;
    readonly expect?: Record<string, Omit<Expectation, "at">>;
    readonly link?: string;
  }[];
  readonly profiles?: Record<string, Settings>;
  readonly conformance?: unknown[];
}

function duplicateNames(shown: string, tree: Node, data: RawConfig): ConfigError[] {
  const first = new Map<string, number>();
  const errors: ConfigError[] = [];
  data.models.forEach((m, i) => {
    const before = first.get(m.name);
    if (before === undefined) {
      first.set(m.name, i);
      return;
    }
    const node = findNodeAtLocation(tree, ["models", i, "name"]);
    errors.push({
      file: shown,
      offset: node?.offset ?? 0,
      length: node?.length ?? 1,
      message: `models[${i}] is named "${m.name}" like models[${before}]: give each model its own name.`,
    });
  });
  return errors;
}
