// Token soup: random sequences of the language's own words. Most soup fails at the first few
// tokens of a declaration, so part of it is planted inside a frame (a function body, a state, a
// type, a module expression, a formula) where the parser has already committed to a construct and
// its error recovery has to work.
import fc from "fast-check";
import { CONTEXTUAL_WORDS, IDENTIFIERS, KEYWORDS, LITERALS, ODDITIES, SYMBOLS } from "./vocabulary.ts";

const token: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...SYMBOLS) },
  { weight: 5, arbitrary: fc.constantFrom(...KEYWORDS) },
  { weight: 4, arbitrary: fc.constantFrom(...IDENTIFIERS) },
  { weight: 2, arbitrary: fc.constantFrom(...CONTEXTUAL_WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...LITERALS) },
  { weight: 1, arbitrary: fc.constantFrom(...ODDITIES) },
);

/** A frame with one hole, `$`, where the soup goes. */
const FRAMES: readonly string[] = [
  "$",
  "machine M { $ }",
  "machine M { start state S { $ } }",
  "machine M { var x: int; start state S { entry { $ } } }",
  "fun f(x: int): int { $ }",
  "fun f() { var s: seq[int]; x = $; }",
  "type T = $;",
  "event e: $;",
  "test t [main=M]: $;",
  "module m = $;",
  "invariant $;",
  "spec P observes e { start hot state S { $ } }",
  "machine M { start state S { entry { receive { $ } } } }",
  "Proof { $ }",
];

/** Tokens joined by spaces, by nothing (so neighbours may fuse: `a.0`, `==>=`) or by line breaks. */
export const soup: fc.Arbitrary<string> = fc
  .record({
    frame: fc.constantFrom(...FRAMES),
    tokens: fc.array(token, { maxLength: 60 }),
    glue: fc.constantFrom(" ", "", "\n"),
  })
  .map(({ frame, tokens, glue }) => frame.replace("$", () => tokens.join(glue)));
