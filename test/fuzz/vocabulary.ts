// The words the fuzzers build inputs from. Keywords and symbols are read from the lexer's own
// token list (every token whose label quotes its text), so a token added to the language joins the
// soup without a change here; the rest are samples of the open classes (identifiers, literals)
// and of the things the lexer must reject.
import { allTokens } from "../../src/syntax/tokens.ts";

/** Every keyword and symbol, as written: `machine`, `init-condition`, `<==>`, `{`. */
export const FIXED_TOKENS: readonly string[] = allTokens
  .map((t) => t.LABEL)
  .filter((label): label is string => label !== undefined && label.length > 2 && label.startsWith("'") && label.endsWith("'"))
  .map((label) => label.slice(1, -1));

export const KEYWORDS: readonly string[] = FIXED_TOKENS.filter((t) => /^[a-z]/.test(t) && t !== "init-condition");
export const SYMBOLS: readonly string[] = FIXED_TOKENS.filter((t) => !/^[a-z]/.test(t));

/** Words that are special only in some positions (docs/language/lexical.md). */
export const CONTEXTUAL_WORDS: readonly string[] = [
  "invariant",
  "forall",
  "exists",
  "sent",
  "inflight",
  "targets",
  "is",
  "param",
  "pure",
  "axiom",
  "prove",
  "using",
  "Lemma",
  "Theorem",
  "Proof",
  "requires",
  "ensures",
  "creates",
  "wise",
];

/** Names likely to collide with one another, with keywords' prefixes and with built-in names. */
export const IDENTIFIERS: readonly string[] = [
  "x",
  "y",
  "M",
  "S",
  "e",
  "eReq",
  "Main",
  "Server",
  "Init",
  "Done",
  "f",
  "T",
  "states",
  "sendAll",
  "_",
  "a1",
  "null_",
  "OK",
  "halt_",
];

export const LITERALS: readonly string[] = [
  "0",
  "1",
  "42",
  "2147483647",
  "2147483648",
  "99999999999999999999",
  "0.5",
  ".5",
  "1.",
  "3.25",
  '""',
  '"s"',
  '"{0} and {1}"',
  '"\\"quoted\\""',
  '"{99999999999}"',
  "float(15, -1)",
];

/** Text the lexer must survive: stray characters, unterminated strings and comments, odd spacing. */
export const ODDITIES: readonly string[] = [
  "#",
  "@",
  "`",
  "\\",
  "'",
  '"open',
  "/* open",
  "/* c */",
  "// line\n",
  "\n",
  "\t",
  "\u00e9",
  "\u{1F600}",
  "\r\n",
  "\u0000",
];
