// Diagnostic codes 2000-2999: declarations and name resolution.
import type { CodeEntry } from "./entry.ts";

export const nameCodes = {
  2001: {
    severity: "error",
    message: "Unknown {0} '{1}'.",
    explain: "The name is not declared in this scope or in any enclosing one; declare it or fix the spelling.",
  },
  2002: {
    severity: "error",
    message: "'{0}' is already declared.",
    explain: "Two declarations in the same scope have the same name; rename one of them (the note shows the first).",
  },
  2003: {
    severity: "error",
    message: "Unknown {0} '{1}'. Did you mean '{2}'?",
    explain: "The name is not declared, but a declared name of the right kind is spelt almost the same way.",
  },
  2004: {
    severity: "error",
    message: "'{0}' is {1}, not {2}.",
    explain: "The name is declared, but as a different kind of thing than this position needs (a machine where a type is expected, for example).",
  },
  2005: {
    severity: "error",
    message: "State name '{0}' is ambiguous: it is a state of {1}.",
    explain: "An 'is' test on a value of type machine names a state that several machines have; quantify over one machine type instead, as in 'forall (c: Coordinator) :: c is Init'.",
  },
} as const satisfies Record<number, CodeEntry>;
