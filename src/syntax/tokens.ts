// The tokens of the P dialect and the lexer built from them. Reserved words take `longer_alt`
// so that `states` is an identifier, not `state` followed by `s`. Words that only the verification
// syntax uses (`invariant`, `sent`, `forall`, ...) are not reserved: they are identifiers that the
// parser recognises by their text where a declaration or operator may start, so that existing
// models using them as names still parse.
import { createToken, Lexer, type TokenType } from "chevrotain";

export const Identifier = createToken({ name: "Identifier", pattern: /[A-Za-z_][A-Za-z0-9_]*/, label: "an identifier" });

const keywordTokens: TokenType[] = [];
function keyword(word: string, name: string): TokenType {
  const token = createToken({ name, pattern: new RegExp(word), longer_alt: Identifier, label: `'${word}'` });
  keywordTokens.push(token);
  return token;
}

// Types
export const Any = keyword("any", "Any");
export const Bool = keyword("bool", "Bool");
export const Enum = keyword("enum", "Enum");
export const EventSet = keyword("eventset", "EventSet");
export const Event = keyword("event", "Event");
export const Float = keyword("float", "Float");
export const Int = keyword("int", "Int");
export const Machine = keyword("machine", "Machine");
export const Interface = keyword("interface", "Interface");
export const Map = keyword("map", "Map");
export const Set = keyword("set", "Set");
export const StringKw = keyword("string", "String");
export const Seq = keyword("seq", "Seq");
export const Data = keyword("data", "Data");

// Statements, declarations and expressions
export const Announce = keyword("announce", "Announce");
export const As = keyword("as", "As");
export const Assert = keyword("assert", "Assert");
export const Assume = keyword("assume", "Assume");
export const Break = keyword("break", "Break");
export const Case = keyword("case", "Case");
export const Cold = keyword("cold", "Cold");
export const Continue = keyword("continue", "Continue");
export const Default = keyword("default", "Default");
export const Defer = keyword("defer", "Defer");
export const Do = keyword("do", "Do");
export const Else = keyword("else", "Else");
export const Entry = keyword("entry", "Entry");
export const Exit = keyword("exit", "Exit");
export const Foreach = keyword("foreach", "Foreach");
export const Format = keyword("format", "Format");
export const Fun = keyword("fun", "Fun");
export const Goto = keyword("goto", "Goto");
export const Halt = keyword("halt", "Halt");
export const Hot = keyword("hot", "Hot");
export const If = keyword("if", "If");
export const Ignore = keyword("ignore", "Ignore");
export const In = keyword("in", "In");
export const Keys = keyword("keys", "Keys");
export const New = keyword("new", "New");
export const Observes = keyword("observes", "Observes");
export const On = keyword("on", "On");
export const Print = keyword("print", "Print");
export const Raise = keyword("raise", "Raise");
export const Receives = keyword("receives", "Receives");
export const Receive = keyword("receive", "Receive");
export const Return = keyword("return", "Return");
export const Sends = keyword("sends", "Sends");
export const Send = keyword("send", "Send");
export const Sizeof = keyword("sizeof", "Sizeof");
export const Spec = keyword("spec", "Spec");
export const Start = keyword("start", "Start");
export const State = keyword("state", "State");
export const This = keyword("this", "This");
export const Type = keyword("type", "Type");
export const Values = keyword("values", "Values");
export const Var = keyword("var", "Var");
export const While = keyword("while", "While");
export const With = keyword("with", "With");
export const Choose = keyword("choose", "Choose");
export const To = keyword("to", "To");

// Modules and tests
export const Module = keyword("module", "Module");
export const Implementation = keyword("implementation", "Implementation");
export const Test = keyword("test", "Test");
export const Refines = keyword("refines", "Refines");
export const Compose = keyword("compose", "Compose");
export const Union = keyword("union", "Union");
export const HideE = keyword("hidee", "HideE");
export const HideI = keyword("hidei", "HideI");
export const Rename = keyword("rename", "Rename");
export const Main = keyword("main", "Main");

// Literals
export const True = keyword("true", "True");
export const False = keyword("false", "False");
export const Null = keyword("null", "Null");

export const InitCondition = createToken({ name: "InitCondition", pattern: /init-condition/, label: "'init-condition'" });
export const FloatLiteral = createToken({ name: "FloatLiteral", pattern: /\d+\.\d+/, label: "a float literal" });
export const IntLiteral = createToken({ name: "IntLiteral", pattern: /\d+/, label: "an integer literal" });
export const StringLiteral = createToken({
  name: "StringLiteral",
  pattern: /"(?:[^"\\]|\\[\s\S])*"/,
  label: "a string literal",
});
/** A string with no closing quote: kept as a token so the parser goes on; reported by the lexer pass. */
export const UnterminatedString = createToken({ name: "UnterminatedString", pattern: /"[^\n]*/ });

// Symbols: longer ones first.
function symbol(name: string, text: string, categories?: TokenType[]): TokenType {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const config = { name, pattern: new RegExp(escaped), label: `'${text}'` };
  return createToken(categories === undefined ? config : { ...config, categories });
}

export const RelOp = createToken({ name: "RelOp", pattern: Lexer.NA });
export const EqOp = createToken({ name: "EqOp", pattern: Lexer.NA });
export const AddOp = createToken({ name: "AddOp", pattern: Lexer.NA });
export const MulOp = createToken({ name: "MulOp", pattern: Lexer.NA });

export const FairNondet = symbol("FairNondet", "$$");
export const Nondet = symbol("Nondet", "$");
export const Iff = symbol("Iff", "<==>");
export const Implies = symbol("Implies", "==>");
export const DoubleColon = symbol("DoubleColon", "::");
export const EqEq = symbol("EqEq", "==", [EqOp]);
export const NotEq = symbol("NotEq", "!=", [EqOp]);
export const LessEq = symbol("LessEq", "<=", [RelOp]);
export const GreaterEq = symbol("GreaterEq", ">=", [RelOp]);
export const Less = symbol("Less", "<", [RelOp]);
export const Greater = symbol("Greater", ">", [RelOp]);
export const Not = symbol("Not", "!");
export const AndAnd = symbol("AndAnd", "&&");
export const OrOr = symbol("OrOr", "||");
export const Arrow = symbol("Arrow", "->");
export const PlusAssign = symbol("PlusAssign", "+=");
export const MinusAssign = symbol("MinusAssign", "-=");
export const Assign = symbol("Assign", "=");
export const Plus = symbol("Plus", "+", [AddOp]);
export const Minus = symbol("Minus", "-", [AddOp]);
export const Star = symbol("Star", "*", [MulOp]);
export const Slash = symbol("Slash", "/", [MulOp]);
export const Percent = symbol("Percent", "%", [MulOp]);
export const LBrace = symbol("LBrace", "{");
export const RBrace = symbol("RBrace", "}");
export const LBracket = symbol("LBracket", "[");
export const RBracket = symbol("RBracket", "]");
export const LParen = symbol("LParen", "(");
export const RParen = symbol("RParen", ")");
export const Semi = symbol("Semi", ";");
export const Comma = symbol("Comma", ",");
export const Dot = symbol("Dot", ".");
export const Colon = symbol("Colon", ":");

export const WhiteSpace = createToken({ name: "WhiteSpace", pattern: /\s+/, group: Lexer.SKIPPED });
export const LineComment = createToken({ name: "LineComment", pattern: /\/\/[^\n]*/, group: Lexer.SKIPPED });
export const BlockComment = createToken({ name: "BlockComment", pattern: /\/\*[\s\S]*?\*\//, group: Lexer.SKIPPED });
/** A block comment that never closes; reported by the lexer pass. */
export const UnterminatedComment = createToken({ name: "UnterminatedComment", pattern: /\/\*[\s\S]*/ });

export const allTokens: TokenType[] = [
  WhiteSpace,
  LineComment,
  BlockComment,
  UnterminatedComment,
  InitCondition,
  // Longest first, so that a keyword that begins another (`as`, `assert`) never hides it.
  ...keywordTokens.sort((a, b) => String(b.PATTERN).length - String(a.PATTERN).length),
  Identifier,
  FloatLiteral,
  IntLiteral,
  StringLiteral,
  UnterminatedString,
  FairNondet,
  Nondet,
  Iff,
  Implies,
  DoubleColon,
  EqEq,
  NotEq,
  LessEq,
  GreaterEq,
  Arrow,
  Less,
  Greater,
  Not,
  AndAnd,
  OrOr,
  PlusAssign,
  MinusAssign,
  Assign,
  Plus,
  Minus,
  Star,
  Slash,
  Percent,
  LBrace,
  RBrace,
  LBracket,
  RBracket,
  LParen,
  RParen,
  Semi,
  Comma,
  Dot,
  Colon,
  RelOp,
  EqOp,
  AddOp,
  MulOp,
];

export const lexer = new Lexer(allTokens, { positionTracking: "onlyOffset", ensureOptimizations: false });
