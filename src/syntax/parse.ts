// Parsing: source text to AST. Lexing and parsing errors become diagnostics; error recovery is
// on, so one mistake does not hide the next. One parser instance serves every file.
import type { IRecognitionException, IToken } from "chevrotain";
import { DiagnosticBag, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { SourceFile, Span } from "../diagnostics/source.ts";
import type { FileNode, Program, TopDecl } from "../ast/nodes.ts";
import { PParser } from "./parser-declarations.ts";
import { MESSAGE_SEPARATOR, type IdSource } from "./parser-base.ts";
import { IntLiteral, lexer, UnterminatedComment, UnterminatedString } from "./tokens.ts";

export interface ParseResult {
  readonly program: Program;
  readonly diagnostics: readonly Diagnostic[];
}

let sharedParser: PParser | undefined;

function parser(): PParser {
  sharedParser ??= new PParser();
  return sharedParser;
}

const MAX_INT = 2 ** 31 - 1;

/** Parses the files of one model; node ids are unique across all of them. */
export function parseProgram(files: readonly SourceFile[]): ParseResult {
  const ids: IdSource = { next: 1 };
  const bag = new DiagnosticBag();
  const nodes = files.map((file) => parseFile(file, ids, bag));
  return { program: { files: nodes, nextId: ids.next }, diagnostics: bag.items };
}

function parseFile(source: SourceFile, ids: IdSource, bag: DiagnosticBag): FileNode {
  const span = (start: number, end: number): Span => ({ file: source.path, start, end });
  const lexed = lexer.tokenize(source.text);
  for (const error of lexed.errors) {
    const text = source.text.slice(error.offset, error.offset + Math.max(1, error.length));
    bag.report(1001, span(error.offset, error.offset + Math.max(1, error.length)), [JSON.stringify(text)]);
  }
  const tokens: IToken[] = [];
  for (const token of lexed.tokens) {
    if (token.tokenType === UnterminatedString) {
      bag.report(1002, span(token.startOffset, token.startOffset + token.image.length));
    } else if (token.tokenType === UnterminatedComment) {
      bag.report(1003, span(token.startOffset, token.startOffset + 2));
    } else {
      if (token.tokenType === IntLiteral && Number(token.image) > MAX_INT) {
        bag.report(1007, span(token.startOffset, token.startOffset + token.image.length), [token.image]);
      }
      tokens.push(token);
    }
  }

  const p = parser();
  p.prepare(tokens, source.path, ids);
  p.lateVars = [];
  p.badTargets = [];
  let decls: TopDecl[];
  try {
    decls = p.file() ?? [];
  } catch (error) {
    // The grammar's rules recurse once per level of nesting: hundreds of nested parentheses or
    // blocks exhaust the stack. That is a property of the input, reported as such.
    if (!(error instanceof RangeError)) throw error;
    bag.report(1010, span(0, Math.min(source.text.length, 1)));
    return { kind: "File", id: ids.next++, span: span(0, source.text.length), path: source.path, decls: [] };
  }
  // Recovery can fail several times at the same token; the first message there is the useful one.
  const reportedAt = new Set<number>();
  for (const error of p.errors) reportParseError(error, source, bag, reportedAt);
  for (const v of p.lateVars) bag.report(1008, v.span);
  for (const target of p.badTargets) {
    bag.report(1009, target.span, [JSON.stringify(source.text.slice(target.span.start, target.span.end))]);
  }
  const fileSpan = span(0, source.text.length);
  return { kind: "File", id: ids.next++, span: fileSpan, path: source.path, decls };
}

function reportParseError(
  error: IRecognitionException,
  source: SourceFile,
  bag: DiagnosticBag,
  reportedAt: Set<number>,
): void {
  const [expected, found] = error.message.split(MESSAGE_SEPARATOR);
  const token = error.token;
  let start = token.startOffset;
  let end = (token.endOffset ?? start) + 1;
  if (Number.isNaN(start) || start < 0) {
    // End of file: point just past the last character.
    start = source.text.length;
    end = source.text.length;
  }
  const previous = (error as { previousToken?: IToken }).previousToken;
  if (error.name === "MismatchedTokenException" && expected === "';'" && previous !== undefined && previous.startOffset >= 0) {
    // A missing semicolon belongs at the end of the line it was left off, not on the next token.
    start = previous.startOffset + previous.image.length;
    end = start;
  }
  if (reportedAt.has(start)) return;
  reportedAt.add(start);
  const code = error.name === "MismatchedTokenException" ? 1004 : error.name === "NotAllInputParsedException" ? 1006 : 1005;
  const args = code === 1006 ? [found ?? expected] : [expected, found ?? "something else"];
  bag.report(code, { file: source.path, start, end }, args);
}
