// The shape of one entry of the diagnostic-code registry.

export type Severity = "error" | "warning";

export interface CodeEntry {
  readonly severity: Severity;
  /** Message template; `{0}`, `{1}`, ... are replaced by the arguments given when it is reported. */
  readonly message: string;
  /** One line that says why this is a problem and what to do about it (shown by `pith explain`). */
  readonly explain: string;
}
