// The foundation of the Chevrotain parser: node construction (ids and spans), recognition of the
// contextual words of the verification syntax, and error messages phrased in words. The grammar
// itself is split over three classes that extend this one: types and expressions, statements and
// functions, declarations.
import {
  EmbeddedActionsParser,
  EOF,
  type IParserErrorMessageProvider,
  type IToken,
  type TokenType,
} from "chevrotain";
import type { Span } from "../diagnostics/source.ts";
import type { NodeId } from "../ast/nodes.ts";
import { allTokens, Identifier } from "./tokens.ts";

/** Hands out node ids; one per program so that ids are unique across its files. */
export interface IdSource {
  next: NodeId;
}

/** Separates the two arguments (what was expected, what was found) inside a parser message. */
export const MESSAGE_SEPARATOR = "\u0001";

const ruleDescriptions: Record<string, string> = {
  program: "a declaration",
  topDecl: "a declaration",
  softDecl: "a declaration",
  type: "a type",
  expr: "an expression",
  primary: "an expression",
  unary: "an expression",
  statement: "a statement",
  block: "'{'",
  stateItem: "'entry', 'exit', 'defer', 'ignore' or 'on'",
  machineMember: "'var', 'fun' or a state",
  moduleExpr: "a module expression",
  eventRef: "an event name",
  handlerFunction: "a function name or a function body",
  testParamValue: "an integer or a boolean",
  proveStep: "'prove'",
};

function describeToken(token: IToken): string {
  if (token.tokenType === EOF) return "end of file";
  if (token.tokenType === Identifier) return `'${token.image}'`;
  return `'${token.image}'`;
}

function describeType(type: TokenType): string {
  return type.LABEL ?? type.name;
}

/** Describes the first tokens of each alternative, or the rule, in words. */
function describeExpected(paths: TokenType[][][], ruleName: string): string {
  const described = ruleDescriptions[ruleName];
  if (described !== undefined) return described;
  const firsts = new Set<string>();
  for (const alt of paths) for (const path of alt) if (path[0] !== undefined) firsts.add(describeType(path[0]));
  const list = [...firsts];
  if (list.length === 0) return "something else";
  if (list.length === 1) return list[0];
  if (list.length > 6) return `one of ${list.slice(0, 6).join(", ")}, ...`;
  return `${list.slice(0, -1).join(", ")} or ${list[list.length - 1]}`;
}

export const errorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual }) {
    return describeType(expected) + MESSAGE_SEPARATOR + describeToken(actual);
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return "a declaration" + MESSAGE_SEPARATOR + describeToken(firstRedundant);
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, ruleName }) {
    return describeExpected(expectedPathsPerAlt, ruleName) + MESSAGE_SEPARATOR + describeToken(actual[0]);
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual, ruleName }) {
    return describeExpected([expectedIterationPaths], ruleName) + MESSAGE_SEPARATOR + describeToken(actual[0]);
  },
};

export class ParserBase extends EmbeddedActionsParser {
  protected ids: IdSource = { next: 1 };
  protected currentFile = "";

  constructor() {
    super(allTokens, { recoveryEnabled: true, maxLookahead: 3, errorMessageProvider: errorMessages });
  }

  /** Prepares the parser (one instance is reused) for a file. */
  prepare(tokens: IToken[], file: string, ids: IdSource): void {
    this.input = tokens;
    this.currentFile = file;
    this.ids = ids;
  }

  protected newId(): NodeId {
    return this.ids.next++;
  }

  protected spanOf(start: IToken, end: IToken = this.LA(0)): Span {
    const endStart = Number.isNaN(end.startOffset) ? 0 : end.startOffset;
    const from = Number.isNaN(start.startOffset) ? endStart : start.startOffset;
    const to = Math.max(from, endStart + end.image.length);
    return { file: this.currentFile, start: from, end: to };
  }

  /**
   * Builds a node from `start` to the last consumed token, outside the grammar-recording phase.
   * Every node is built through here, so every node gets an id and a span.
   */
  protected build<T>(start: IToken, make: (id: NodeId, span: Span) => T): T {
    return this.ACTION(() => make(this.newId(), this.spanOf(start)));
  }

  /** True when the next token is the identifier `word` (a contextual keyword). */
  protected isWord(word: string, k = 1): boolean {
    const token = this.LA(k);
    return token.tokenType === Identifier && token.image === word;
  }
}
