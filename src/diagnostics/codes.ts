// The one registry of diagnostic codes. Every message Pith reports is defined here, once, with
// its code, severity and a one-line explanation; nothing parses codes back out of message text.
// Ranges: 1xxx syntax, 2xxx names, 3xxx types, 4xxx check, 5xxx prove, 6xxx conform.
import type { CodeEntry } from "./codes/entry.ts";
import { syntaxCodes } from "./codes/syntax.ts";
import { nameCodes } from "./codes/names.ts";
import { typeCodes } from "./codes/types.ts";
import { checkCodes } from "./codes/check.ts";
import { conformCodes } from "./codes/conform.ts";

export type { CodeEntry, Severity } from "./codes/entry.ts";

export const registry = {
  ...syntaxCodes,
  ...nameCodes,
  ...typeCodes,
  ...checkCodes,
  ...conformCodes,
} as const satisfies Record<number, CodeEntry>;

export type Code = keyof typeof registry;

/** `PTH3002` for 3002. */
export function codeName(code: number): string {
  return `PTH${String(code).padStart(4, "0")}`;
}

export function lookupCode(code: number): CodeEntry | undefined {
  return (registry as Record<number, CodeEntry>)[code];
}
