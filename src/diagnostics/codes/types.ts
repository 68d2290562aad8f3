// Diagnostic codes 3000-3999: types and the static rules of machines, monitors, modules and tests.
import type { CodeEntry } from "./entry.ts";

export const typeCodes = {
  3001: {
    severity: "error",
    message: "Type mismatch: expected {0} but found {1}.",
    explain: "The value's type is not a subtype of the type this position requires.",
  },
} as const satisfies Record<number, CodeEntry>;
