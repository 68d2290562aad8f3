// Diagnostic codes 2000-2999: declarations and name resolution.
import type { CodeEntry } from "./entry.ts";

export const nameCodes = {
  2001: {
    severity: "error",
    message: "Unknown name '{0}'.",
    explain: "The name is not declared in this scope or in any enclosing one; declare it or fix the spelling.",
  },
  2002: {
    severity: "error",
    message: "'{0}' is already declared.",
    explain: "Two declarations in the same scope have the same name; rename one of them.",
  },
} as const satisfies Record<number, CodeEntry>;
