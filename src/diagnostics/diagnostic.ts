// Diagnostics: what every phase reports instead of throwing. Phases collect them and keep going;
// only bugs in Pith itself throw.
import type { Span } from "./source.ts";
import { registry, type Code, type Severity } from "./codes.ts";

export interface RelatedInfo {
  readonly message: string;
  readonly span: Span;
}

export interface Diagnostic {
  readonly code: Code;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  readonly related: readonly RelatedInfo[];
}

/** Builds a diagnostic from the registry entry of `code`, filling `{0}`, `{1}`, ... with `args`. */
export function diagnostic(
  code: Code,
  span: Span,
  args: readonly (string | number)[] = [],
  related: readonly RelatedInfo[] = [],
): Diagnostic {
  const entry = registry[code];
  return { code, severity: entry.severity, message: formatMessage(code, args), span, related };
}

/** The message of `code` with `{0}`, `{1}`, ... replaced by `args`. */
export function formatMessage(code: Code, args: readonly (string | number)[]): string {
  return registry[code].message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)] ?? `{${i}}`));
}

/** Collects diagnostics during a phase. */
export class DiagnosticBag {
  readonly items: Diagnostic[] = [];

  report(code: Code, span: Span, args: readonly (string | number)[] = [], related: readonly RelatedInfo[] = []): void {
    this.items.push(diagnostic(code, span, args, related));
  }

  add(d: Diagnostic): void {
    this.items.push(d);
  }

  hasErrors(): boolean {
    return this.items.some((d) => d.severity === "error");
  }
}

/** Sorted by file, then offset, then code: the order in which they are printed. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      (a.span.file < b.span.file ? -1 : a.span.file > b.span.file ? 1 : 0) ||
      a.span.start - b.span.start ||
      a.code - b.code ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}
