// Where the results of `pith check` go: which reporters write (text, json, github, sarif, junit),
// to standard output or to files, and the counterexample files (--trace-out, --html, --artifacts).
// The choice is made and checked before anything runs, so that a mistyped option costs nothing.
import { suggestName } from "../names/suggest.ts";
import { flag, stringOption, UsageError, type OptionValues } from "./command.ts";

export const REPORTERS = ["text", "json", "github", "sarif", "junit"] as const;
export type ReporterName = (typeof REPORTERS)[number];
type DocumentReporter = "json" | "sarif" | "junit";

export interface OutputPlan {
  /** What standard output shows: the text report (with annotations for github), or one document. */
  readonly stdout: "text" | "github" | DocumentReporter;
  /** Documents written to files. */
  readonly files: readonly { readonly reporter: DocumentReporter; readonly path: string }[];
  /** Write the job summary to $GITHUB_STEP_SUMMARY (the github reporter). */
  readonly summary: boolean;
  readonly traceOut: string | undefined;
  readonly html: string | undefined;
  readonly artifacts: string | undefined;
}

function isDocument(r: ReporterName): r is DocumentReporter {
  return r === "json" || r === "sarif" || r === "junit";
}

/**
 * The reporters asked for with --reporter (repeatable) and --json; without either, github when
 * running in GitHub Actions and text otherwise. Each json, sarif or junit reporter takes the
 * --out at the same position among them; one without an --out writes to standard output, which
 * only one reporter may do.
 */
export function planOutput(options: OptionValues, env: Readonly<Record<string, string | undefined>>): OutputPlan {
  const asked = (options.reporter as string[] | undefined) ?? [];
  const names: ReporterName[] = [];
  for (const name of asked) {
    if (!(REPORTERS as readonly string[]).includes(name)) {
      const guess = suggestName(name, [...REPORTERS]);
      throw new UsageError(`there is no reporter '${name}'${guess === undefined ? "" : `; did you mean '${guess}'?`} (reporters: ${REPORTERS.join(", ")})`);
    }
    if (!names.includes(name as ReporterName)) names.push(name as ReporterName);
  }
  if (flag(options, "json") && !names.includes("json")) names.push("json");
  if (names.length === 0) names.push(env.GITHUB_ACTIONS === "true" ? "github" : "text");
  const outs = (options.out as string[] | undefined) ?? [];
  const documents = names.filter(isDocument);
  if (outs.length > documents.length) {
    throw new UsageError(
      documents.length === 0 ? "--out names the file of a json, sarif or junit report: add --reporter sarif (or json, junit)" : `there are ${outs.length} --out files for ${documents.length} json, sarif or junit report${documents.length === 1 ? "" : "s"}`,
    );
  }
  const files = documents.slice(0, outs.length).map((reporter, i) => ({ reporter, path: outs[i] }));
  const toStdout: ("text" | "github" | DocumentReporter)[] = [
    ...(names.includes("github") ? ["github" as const] : names.includes("text") ? ["text" as const] : []),
    ...documents.slice(outs.length),
  ];
  if (toStdout.length > 1) {
    throw new UsageError(`${toStdout.join(" and ")} would both write to standard output: give --out FILE for ${toStdout.find(isDocumentName)}`);
  }
  return {
    stdout: toStdout[0] ?? "text",
    files,
    summary: names.includes("github"),
    traceOut: stringOption(options, "trace-out"),
    html: stringOption(options, "html"),
    artifacts: stringOption(options, "artifacts"),
  };
}

function isDocumentName(r: string): boolean {
  return r === "json" || r === "sarif" || r === "junit";
}

/** A name safe as one path segment: `tc(n=2)` stays readable, anything odd becomes `_`. */
export function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9_=.,()-]+/g, "_").replace(/^\.+/, "_") || "_";
}
