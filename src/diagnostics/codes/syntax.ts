// Diagnostic codes 1000-1999: reading the source text (lexing and parsing).
import type { CodeEntry } from "./entry.ts";

export const syntaxCodes = {
  1001: {
    severity: "error",
    message: "Unexpected character {0}.",
    explain: "The lexer found a character that cannot start any token of the language; remove it or put it in a string.",
  },
  1002: {
    severity: "error",
    message: "Unterminated string literal.",
    explain: "A string starts with a double quote and must end with one on the same logical token; add the closing quote.",
  },
  1003: {
    severity: "error",
    message: "Unterminated block comment.",
    explain: "A comment opened with /* must be closed with */.",
  },
  1004: {
    severity: "error",
    message: "Expected {0} but found {1}.",
    explain: "The parser expected a different token here; the message names what would have been accepted.",
  },
  1005: {
    severity: "error",
    message: "Expected {0} but found {1}.",
    explain: "None of the constructs that may appear here starts with this token.",
  },
  1006: {
    severity: "error",
    message: "Unexpected {0} after the end of the declaration.",
    explain: "The parser finished a declaration and found text that does not begin a new one.",
  },
  1007: {
    severity: "error",
    message: "Integer literal {0} is too large.",
    explain: "Integer literals must fit in a signed 32-bit integer.",
  },
  1008: {
    severity: "error",
    message: "Variable declarations must come before the statements of a function body.",
    explain: "P requires every 'var' of a function to be declared at the top of its body, before any statement.",
  },
  1009: {
    severity: "error",
    message: "{0} is not an assignable location.",
    explain: "Only a variable, a tuple field or a collection element can appear on the left of '=', '+=' or '-='.",
  },
  1010: {
    severity: "error",
    message: "This file nests expressions, statements or types too deeply to be read.",
    explain: "Hundreds of levels of parentheses, blocks or nested types exhaust the parser; split the expression or the function.",
  },
} as const satisfies Record<number, CodeEntry>;
