// The project configuration (`pith.json`) as the CLI uses it once it has been read and validated:
// the models, the settings of each profile, and the expected result of each test configuration.
// The file's shape is fixed by schema/pith.schema.json; this is the typed record made from it.

/** The name of the configuration file, looked for in the working folder and every folder above. */
export const CONFIG_FILE = "pith.json";

/** Where a value was written in pith.json, so that messages about it can point there. */
export interface ConfigPosition {
  readonly line: number;
  readonly column: number;
}

/** How a profile checks models (every field optional: unset means the built-in default). */
export interface Settings {
  readonly mode?: "bfs" | "dfs" | "random";
  readonly maxStates?: number;
  readonly maxDepth?: number;
  /** A duration as written, e.g. `5s`. */
  readonly time?: string;
  /** A size as written, e.g. `2g`. */
  readonly maxMemory?: string;
  readonly seed?: number;
  readonly runs?: number;
  readonly maxSteps?: number;
  readonly liveness?: boolean;
  readonly failInconclusive?: boolean;
  /** Leave the model out of this profile's runs, unless `--model` names it (a model too big for every run). */
  readonly skip?: boolean;
}

export interface Expectation {
  readonly verdict?: "pass" | "violation";
  readonly kind?: string;
  readonly states?: number;
  /** Where this expectation is written. */
  readonly at: ConfigPosition;
}

export interface ModelConfig {
  readonly name: string;
  /** As written: relative to the configuration's folder, or `std:NAME`. */
  readonly paths: readonly string[];
  readonly tests: readonly string[] | undefined;
  readonly params: Readonly<Record<string, number | boolean>>;
  readonly profiles: Readonly<Record<string, Settings>>;
  /** Keyed by test configuration name. */
  readonly expect: Readonly<Record<string, Expectation>>;
  /** The implementation to link (a tsconfig.json or a folder), as written: relative to the configuration's folder. */
  readonly link?: string;
  /** Where `link` is written. */
  readonly linkAt?: ConfigPosition;
  /** Where the model's entry starts, and where its `tests` entries are. */
  readonly at: ConfigPosition;
  readonly testsAt: readonly ConfigPosition[];
}

export interface ProjectConfig {
  /** Absolute path of pith.json. */
  readonly file: string;
  /** The folder that holds it: model paths and the result cache are relative to it. */
  readonly root: string;
  readonly models: readonly ModelConfig[];
  readonly profiles: Readonly<Record<string, Settings>>;
  /** Kept as written for `pith conform`. */
  readonly conformance: readonly unknown[];
}

/**
 * The profiles every project has, before pith.json's settings: the pre-commit hook must answer in
 * seconds, so its search is bounded and a budget that runs out is not a failure; CI searches
 * exhaustively.
 */
export const BUILTIN_PROFILES: Readonly<Record<string, Settings>> = {
  precommit: { mode: "bfs", maxStates: 200_000, time: "3s", failInconclusive: false },
  ci: { mode: "bfs" },
};

/** The settings of `profile` for `model`: built-in defaults, then the project's, then the model's. */
export function profileSettings(config: ProjectConfig | undefined, profile: string, model?: ModelConfig): Settings {
  return {
    ...BUILTIN_PROFILES[profile],
    ...config?.profiles[profile],
    ...model?.profiles[profile],
  };
}

/** Every profile name a project can use. */
export function profileNames(config: ProjectConfig | undefined): string[] {
  return [...new Set([...Object.keys(BUILTIN_PROFILES), ...Object.keys(config?.profiles ?? {})])].sort();
}
