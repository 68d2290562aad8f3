// Mutations of real models: the models under test/ir/golden, test/corpus and examples are read
// once, and each fuzzed input is one of them with a few token- or line-level edits: delete,
// duplicate or swap a token or a line, truncate, insert a token, replace a token with a symbol or a
// literal, or replace a name with a keyword or with another name of the same file. Most edits break
// the syntax; renaming usually does not, so half of the inputs are renamings only, which send the
// checker and the lowering models that are almost right.
import fc from "fast-check";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { loadModel } from "../../src/driver.ts";
import { Identifier, lexer } from "../../src/syntax/tokens.ts";
import type { ModelFile } from "./minimise.ts";
import { CONTEXTUAL_WORDS, FIXED_TOKENS, KEYWORDS, LITERALS, SYMBOLS } from "./vocabulary.ts";

const ROOT = join(import.meta.dirname, "..", "..");
/** Folders whose entries are models: a `.p` file is one, a folder of `.p` files is another. */
const MODEL_FOLDERS = ["test/ir/golden", "test/corpus/ok", "test/corpus/static-error", "examples"];

export function loadCorpus(): ModelFile[][] {
  const models: ModelFile[][] = [];
  for (const folder of MODEL_FOLDERS) {
    const absolute = join(ROOT, folder);
    if (!existsSync(absolute)) continue;
    for (const entry of readdirSync(absolute, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (!entry.isDirectory() && !entry.name.endsWith(".p")) continue;
      const loaded = loadModel([join(folder, entry.name)], ROOT);
      if (loaded.files.length > 0) models.push(loaded.files.map((f) => ({ path: f.path, text: f.text })));
    }
  }
  return models;
}

export type Mutation =
  | { readonly op: "deleteToken" | "duplicateToken" | "deleteLine" | "duplicateLine" | "truncate"; readonly at: number }
  | { readonly op: "swapTokens" | "swapLines"; readonly at: number; readonly to: number }
  | { readonly op: "insertToken" | "replaceToken"; readonly at: number; readonly token: string }
  /** Replace an identifier with another identifier of the same file (`other`), or with `word`. */
  | { readonly op: "replaceName"; readonly at: number; readonly other: number; readonly word: string | undefined };

const at = fc.nat();

/** Renaming keeps the syntax and so reaches the checker: a name becomes another name of the file. */
const rename: fc.Arbitrary<Mutation> = fc.record({ op: fc.constant("replaceName"), at, other: fc.nat(), word: fc.constant(undefined) });

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constantFrom("deleteToken", "duplicateToken", "deleteLine", "duplicateLine", "truncate"), at }),
  fc.record({ op: fc.constantFrom("swapTokens", "swapLines"), at, to: fc.nat() }),
  fc.record({ op: fc.constant("insertToken"), at, token: fc.constantFrom(...FIXED_TOKENS, ...LITERALS, ...CONTEXTUAL_WORDS) }),
  fc.record({ op: fc.constant("replaceToken"), at, token: fc.constantFrom(...SYMBOLS, ...LITERALS, "true", "null", "halt", "this") }),
  fc.record({ op: fc.constant("replaceName"), at, other: fc.nat(), word: fc.constantFrom(...KEYWORDS, ...CONTEXTUAL_WORDS) }),
  rename,
);

interface Span {
  readonly start: number;
  readonly end: number;
}

function splice(text: string, span: Span, replacement: string): string {
  return text.slice(0, span.start) + replacement + text.slice(span.end);
}

export function applyMutation(text: string, m: Mutation): string {
  const lexed = lexer.tokenize(text).tokens;
  const tokens: Span[] = lexed.map((t) => ({ start: t.startOffset, end: t.startOffset + t.image.length }));
  const lines: Span[] = [];
  for (let start = 0; start <= text.length; ) {
    const newline = text.indexOf("\n", start);
    const end = newline < 0 ? text.length : newline + 1;
    lines.push({ start, end });
    if (newline < 0) break;
    start = end;
  }
  const pick = (spans: readonly Span[], i: number) => spans[i % spans.length];
  const swap = (spans: readonly Span[], i: number, j: number) => {
    const [a, b] = [pick(spans, i), pick(spans, j)].sort((x, y) => x.start - y.start);
    if (a.end > b.start) return text;
    return text.slice(0, a.start) + text.slice(b.start, b.end) + text.slice(a.end, b.start) + text.slice(a.start, a.end) + text.slice(b.end);
  };
  if (tokens.length === 0) return m.op === "insertToken" ? m.token : text;
  const token = pick(tokens, m.at);
  const line = pick(lines, m.at);
  switch (m.op) {
    case "deleteToken":
      return splice(text, token, "");
    case "duplicateToken":
      return splice(text, { start: token.end, end: token.end }, " " + text.slice(token.start, token.end));
    case "deleteLine":
      return splice(text, line, "");
    case "duplicateLine":
      return splice(text, { start: line.end, end: line.end }, text.slice(line.start, line.end));
    case "truncate":
      return text.slice(0, m.at % (text.length + 1));
    case "swapTokens":
      return swap(tokens, m.at, m.to);
    case "swapLines":
      return swap(lines, m.at, m.to);
    case "insertToken":
      return splice(text, { start: token.start, end: token.start }, m.token + " ");
    case "replaceToken":
      return splice(text, token, m.token);
    case "replaceName": {
      const names = tokens.filter((_, i) => lexed[i].tokenType === Identifier);
      if (names.length === 0) return text;
      const target = pick(names, m.at);
      const other = pick(names, m.other);
      return splice(text, target, m.word ?? text.slice(other.start, other.end));
    }
  }
}

/** One model of the corpus with one to three mutations (any, or renamings only) applied to one of its files. */
export function mutatedModel(corpus: readonly ModelFile[][]): fc.Arbitrary<ModelFile[]> {
  return fc
    .record({
      model: fc.nat(),
      file: fc.nat(),
      mutations: fc.oneof(fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.array(rename, { minLength: 1, maxLength: 3 })),
    })
    .map(({ model, file, mutations }) => {
      const files = corpus[model % corpus.length];
      const index = file % files.length;
      return files.map((f, i) => (i === index ? { path: f.path, text: mutations.reduce(applyMutation, f.text) } : f));
    });
}
