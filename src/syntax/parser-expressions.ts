// Grammar of types and expressions. Precedence, loosest first: quantifiers, `<==>`, `==>` (right
// associative), `||`, `&&`, `==` `!=`, relational (`<` `<=` `>` `>=` `in` `is` `targets`), `as`/`to`,
// `+` `-`, `*` `/` `%`, prefix (`-` `!` `inflight` `sent`), postfix (`.f` `.0` `[i]`).
import type { IToken } from "chevrotain";
import type * as A from "../ast/nodes.ts";
import { ParserBase } from "./parser-base.ts";
import * as T from "./tokens.ts";
import { decodeString } from "./strings.ts";

const primitiveTypes = new Map<string, A.PrimitiveTypeName>([
  ["Int", "int"],
  ["Bool", "bool"],
  ["Float", "float"],
  ["String", "string"],
  ["Event", "event"],
  ["Machine", "machine"],
  ["Data", "data"],
  ["Any", "any"],
]);

export class ExpressionParser extends ParserBase {
  ident = this.RULE("ident", (): A.Ident => {
    const token = this.CONSUME(T.Identifier);
    return this.build(token, (id, span) => ({ kind: "Ident", id, span, name: token.image }));
  });

  type = this.RULE("type", (): A.TypeExpr => {
    const start = this.LA(1);
    return this.OR([
      {
        ALT: () => {
          const token = this.OR1([
            { ALT: () => this.CONSUME(T.Int) },
            { ALT: () => this.CONSUME(T.Bool) },
            { ALT: () => this.CONSUME(T.Float) },
            { ALT: () => this.CONSUME(T.StringKw) },
            { ALT: () => this.CONSUME(T.Event) },
            { ALT: () => this.CONSUME(T.Machine) },
            { ALT: () => this.CONSUME(T.Data) },
            { ALT: () => this.CONSUME(T.Any) },
          ]);
          return this.build(start, (id, span) => ({
            kind: "PrimitiveType" as const,
            id,
            span,
            name: primitiveTypes.get(token.tokenType.name) ?? "any",
          }));
        },
      },
      {
        ALT: () => {
          const collection = this.OR2([{ ALT: () => this.CONSUME(T.Seq) }, { ALT: () => this.CONSUME(T.Set) }]);
          this.CONSUME(T.LBracket);
          const element = this.SUBRULE(this.type);
          this.CONSUME(T.RBracket);
          return this.build(start, (id, span) =>
            collection.tokenType === T.Seq
              ? { kind: "SeqType" as const, id, span, element }
              : { kind: "SetType" as const, id, span, element },
          );
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Map);
          this.CONSUME2(T.LBracket);
          const key = this.SUBRULE1(this.type);
          this.CONSUME(T.Comma);
          const value = this.SUBRULE2(this.type);
          this.CONSUME2(T.RBracket);
          return this.build(start, (id, span) => ({ kind: "MapType" as const, id, span, key, value }));
        },
      },
      {
        // `(x: int, y: bool)` is a named tuple type; `(int, bool)` a tuple type.
        GATE: () => this.LA(2).tokenType === T.Identifier && this.LA(3).tokenType === T.Colon,
        ALT: () => {
          this.CONSUME(T.LParen);
          const fields: A.NamedTupleTypeField[] = [];
          const firstName = this.SUBRULE(this.ident);
          this.CONSUME(T.Colon);
          const firstType = this.SUBRULE3(this.type);
          this.ACTION(() => fields.push({ name: firstName, type: firstType }));
          // Fields are separated by commas; `(n: int,)`, with a trailing comma, is the one-field form.
          this.MANY2(() => {
            this.CONSUME2(T.Comma);
            this.OPTION2(() => {
              const name = this.SUBRULE6(this.ident);
              this.CONSUME2(T.Colon);
              const type = this.SUBRULE7(this.type);
              this.ACTION(() => fields.push({ name, type }));
            });
          });
          this.CONSUME(T.RParen);
          return this.build(start, (id, span) => ({ kind: "NamedTupleType" as const, id, span, fields }));
        },
      },
      {
        ALT: () => {
          this.CONSUME2(T.LParen);
          const first = this.SUBRULE4(this.type);
          const elements: A.TypeExpr[] = [first];
          // `(int,)` is the one-element tuple type, like the value `(1,)`.
          this.MANY(() => {
            this.CONSUME1(T.Comma);
            this.OPTION(() => {
              const element = this.SUBRULE5(this.type);
              this.ACTION(() => elements.push(element));
            });
          });
          this.CONSUME2(T.RParen);
          return this.build(start, (id, span) => ({ kind: "TupleType" as const, id, span, elements }));
        },
      },
      {
        ALT: () => {
          const name = this.SUBRULE1(this.ident);
          return this.build(start, (id, span) => ({ kind: "NamedType" as const, id, span, name }));
        },
      },
    ]);
  });

  /** A comma-separated list of expressions (possibly empty when `optional`). */
  exprList = this.RULE("exprList", (): A.Expr[] => {
    const list: A.Expr[] = [];
    this.AT_LEAST_ONE_SEP({
      SEP: T.Comma,
      DEF: () => {
        const e = this.SUBRULE(this.expr);
        this.ACTION(() => list.push(e));
      },
    });
    return list;
  });

  /** `( args? )` after a callee. */
  arguments = this.RULE("arguments", (): A.Expr[] => {
    this.CONSUME(T.LParen);
    const args = this.OPTION(() => this.SUBRULE(this.exprList)) ?? [];
    this.CONSUME(T.RParen);
    return args;
  });

  expr = this.RULE("expr", (): A.Expr => this.SUBRULE(this.iff), {
    recoveryValueFunc: () => this.errorExpr(),
  });

  iff = this.RULE("iff", (): A.Expr => {
    const start = this.LA(1);
    let left = this.SUBRULE(this.implies);
    this.MANY(() => {
      this.CONSUME(T.Iff);
      const right = this.SUBRULE1(this.implies);
      left = this.binary(start, "<==>", left, right);
    });
    return left;
  });

  implies = this.RULE("implies", (): A.Expr => {
    const start = this.LA(1);
    const left = this.SUBRULE(this.disjunction);
    const right = this.OPTION(() => {
      this.CONSUME(T.Implies);
      return this.SUBRULE(this.implies);
    });
    return right === undefined ? left : this.binary(start, "==>", left, right);
  });

  disjunction = this.RULE("disjunction", (): A.Expr => {
    const start = this.LA(1);
    let left = this.SUBRULE(this.conjunction);
    this.MANY(() => {
      this.CONSUME(T.OrOr);
      const right = this.SUBRULE1(this.conjunction);
      left = this.binary(start, "||", left, right);
    });
    return left;
  });

  conjunction = this.RULE("conjunction", (): A.Expr => {
    const start = this.LA(1);
    let left = this.SUBRULE(this.equality);
    this.MANY(() => {
      this.CONSUME(T.AndAnd);
      const right = this.SUBRULE1(this.equality);
      left = this.binary(start, "&&", left, right);
    });
    return left;
  });

  equality = this.RULE("equality", (): A.Expr => {
    const start = this.LA(1);
    let left = this.SUBRULE(this.relational);
    this.MANY(() => {
      const op = this.CONSUME(T.EqOp);
      const right = this.SUBRULE1(this.relational);
      left = this.binary(start, op.image as A.BinaryOp, left, right);
    });
    return left;
  });

  relational = this.RULE("relational", (): A.Expr => {
    const start = this.LA(1);
    let left = this.SUBRULE(this.cast);
    this.MANY({
      GATE: () =>
        this.LA(1).tokenType === T.In ||
        this.LA(1).tokenType.CATEGORIES?.includes(T.RelOp) === true ||
        this.isWord("is") ||
        this.isWord("targets"),
      DEF: () => {
        this.OR([
          {
            ALT: () => {
              const op = this.OR1([{ ALT: () => this.CONSUME(T.RelOp) }, { ALT: () => this.CONSUME(T.In) }]);
              const right = this.SUBRULE1(this.cast);
              left = this.binary(start, op.image as A.BinaryOp, left, right);
            },
          },
          {
            GATE: () => this.isWord("is"),
            ALT: () => {
              this.CONSUME(T.Identifier);
              const name = this.SUBRULE(this.ident);
              const operand = left;
              left = this.build(start, (id, span) => ({ kind: "Is", id, span, operand, name }));
            },
          },
          {
            GATE: () => this.isWord("targets"),
            ALT: () => {
              this.CONSUME1(T.Identifier);
              const machine = this.SUBRULE2(this.cast);
              const message = left;
              left = this.build(start, (id, span) => ({ kind: "Targets", id, span, message, machine }));
            },
            IGNORE_AMBIGUITIES: true,
          },
        ]);
      },
    });
    return left;
  });

  cast = this.RULE("cast", (): A.Expr => {
    const start = this.LA(1);
    let operand = this.SUBRULE(this.additive);
    this.MANY(() => {
      const op = this.OR([{ ALT: () => this.CONSUME(T.As) }, { ALT: () => this.CONSUME(T.To) }]);
      const type = this.SUBRULE(this.type);
      const inner = operand;
      operand = this.build(start, (id, span) => ({
        kind: "Cast",
        id,
        span,
        op: op.tokenType === T.As ? ("as" as const) : ("to" as const),
        operand: inner,
        type,
      }));
    });
    return operand;
  });

  additive = this.RULE("additive", (): A.Expr => {
    const start = this.LA(1);
    let left = this.SUBRULE(this.multiplicative);
    this.MANY(() => {
      const op = this.CONSUME(T.AddOp);
      const right = this.SUBRULE1(this.multiplicative);
      left = this.binary(start, op.image as A.BinaryOp, left, right);
    });
    return left;
  });

  multiplicative = this.RULE("multiplicative", (): A.Expr => {
    const start = this.LA(1);
    let left = this.SUBRULE(this.unary);
    this.MANY(() => {
      const op = this.CONSUME(T.MulOp);
      const right = this.SUBRULE1(this.unary);
      left = this.binary(start, op.image as A.BinaryOp, left, right);
    });
    return left;
  });

  unary = this.RULE("unary", (): A.Expr => {
    const start = this.LA(1);
    return this.OR([
      {
        ALT: () => {
          const op = this.OR1([{ ALT: () => this.CONSUME(T.Minus) }, { ALT: () => this.CONSUME(T.Not) }]);
          const operand = this.SUBRULE(this.unary);
          return this.build(start, (id, span) => ({
            kind: "Unary" as const,
            id,
            span,
            op: op.tokenType === T.Minus ? ("-" as const) : ("!" as const),
            operand,
          }));
        },
      },
      {
        GATE: () => (this.isWord("inflight") || this.isWord("sent")) && this.startsOperand(2),
        ALT: () => {
          const word = this.CONSUME(T.Identifier);
          const message = this.SUBRULE1(this.unary);
          return this.build(start, (id, span) => ({
            kind: "MessagePredicate" as const,
            id,
            span,
            predicate: word.image === "sent" ? ("sent" as const) : ("inflight" as const),
            message,
          }));
        },
        IGNORE_AMBIGUITIES: true,
      },
      { ALT: () => this.SUBRULE(this.postfix) },
    ]);
  });

  postfix = this.RULE("postfix", (): A.Expr => {
    const start = this.LA(1);
    let target = this.SUBRULE(this.primary);
    this.MANY(() => {
      this.OR([
        {
          ALT: () => {
            this.CONSUME(T.Dot);
            this.OR1([
              {
                ALT: () => {
                  const field = this.SUBRULE(this.ident);
                  const inner = target;
                  target = this.build(start, (id, span) => ({ kind: "Field", id, span, target: inner, field }));
                },
              },
              {
                ALT: () => {
                  const index = this.CONSUME(T.IntLiteral);
                  const inner = target;
                  target = this.build(start, (id, span) => ({
                    kind: "TupleIndex",
                    id,
                    span,
                    target: inner,
                    index: Number(index.image),
                  }));
                },
              },
              {
                // `t.0.1` lexes as `t`, `.`, `0.1`: two tuple indices.
                ALT: () => {
                  const pair = this.CONSUME(T.FloatLiteral);
                  target = this.ACTION(() => this.splitTupleIndices(start, target, pair));
                },
              },
            ]);
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.LBracket);
            const index = this.SUBRULE(this.expr);
            this.CONSUME(T.RBracket);
            const inner = target;
            target = this.build(start, (id, span) => ({ kind: "Index", id, span, target: inner, index }));
          },
        },
      ]);
    });
    return target;
  });

  primary = this.RULE("primary", (): A.Expr => {
    const start = this.LA(1);
    return this.OR([
      { ALT: () => this.literal(start, this.CONSUME(T.IntLiteral)) },
      { ALT: () => this.literal(start, this.CONSUME(T.FloatLiteral)) },
      { ALT: () => this.literal(start, this.CONSUME(T.StringLiteral)) },
      { ALT: () => this.literal(start, this.CONSUME(T.True)) },
      { ALT: () => this.literal(start, this.CONSUME(T.False)) },
      { ALT: () => this.literal(start, this.CONSUME(T.Null)) },
      { ALT: () => this.literal(start, this.CONSUME(T.This)) },
      { ALT: () => this.literal(start, this.CONSUME(T.Halt)) },
      { ALT: () => this.literal(start, this.CONSUME(T.Nondet)) },
      { ALT: () => this.literal(start, this.CONSUME(T.FairNondet)) },
      { ALT: () => this.SUBRULE(this.floatCall) },
      { ALT: () => this.SUBRULE(this.parenthesized) },
      {
        ALT: () => {
          const op = this.OR1([
            { ALT: () => this.CONSUME(T.Keys) },
            { ALT: () => this.CONSUME(T.Values) },
            { ALT: () => this.CONSUME(T.Sizeof) },
          ]);
          this.CONSUME(T.LParen);
          const operand = this.SUBRULE(this.expr);
          this.CONSUME(T.RParen);
          return this.build(start, (id, span) => ({
            kind: "CollectionOp" as const,
            id,
            span,
            op: op.image as "keys" | "values" | "sizeof",
            operand,
          }));
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Default);
          this.CONSUME1(T.LParen);
          const type = this.SUBRULE(this.type);
          this.CONSUME1(T.RParen);
          return this.build(start, (id, span) => ({ kind: "Default" as const, id, span, type }));
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Choose);
          this.CONSUME2(T.LParen);
          const operand = this.OPTION(() => this.SUBRULE1(this.expr));
          this.CONSUME2(T.RParen);
          return this.build(start, (id, span) => ({ kind: "Choose" as const, id, span, operand }));
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Format);
          this.CONSUME3(T.LParen);
          const text = this.CONSUME1(T.StringLiteral);
          const format = this.literal(text, text) as A.StringLiteral;
          const args: A.Expr[] = [];
          this.MANY(() => {
            this.CONSUME(T.Comma);
            const arg = this.SUBRULE2(this.expr);
            this.ACTION(() => args.push(arg));
          });
          this.CONSUME3(T.RParen);
          return this.build(start, (id, span) => ({ kind: "Format" as const, id, span, format, args }));
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.New);
          const machine = this.SUBRULE(this.ident);
          const args = this.SUBRULE(this.arguments);
          return this.build(start, (id, span) => ({ kind: "New" as const, id, span, machine, args }));
        },
      },
      {
        GATE: () =>
          (this.isWord("forall") || this.isWord("exists")) &&
          (this.LA(2).tokenType === T.LParen || this.LA(2).tokenType === T.New),
        ALT: () => this.SUBRULE(this.quantifier),
        IGNORE_AMBIGUITIES: true,
      },
      {
        ALT: () => {
          const callee = this.SUBRULE1(this.ident);
          const args = this.SUBRULE1(this.arguments);
          return this.build(start, (id, span) => ({ kind: "Call" as const, id, span, callee, args }));
        },
      },
      {
        ALT: () => {
          const name = this.CONSUME(T.Identifier);
          return this.build(start, (id, span) => ({ kind: "Name" as const, id, span, name: name.image }));
        },
      },
    ]);
  });

  /** `float(15, -1)`: 15 × 10^-1. */
  floatCall = this.RULE("floatCall", (): A.Expr => {
    const start = this.CONSUME(T.Float);
    this.CONSUME(T.LParen);
    const base = this.CONSUME(T.IntLiteral);
    this.CONSUME(T.Comma);
    const negative = this.OPTION(() => this.CONSUME(T.Minus));
    const exponent = this.CONSUME1(T.IntLiteral);
    this.CONSUME(T.RParen);
    return this.build(start, (id, span) => {
      const exp = Number(exponent.image) * (negative === undefined ? 1 : -1);
      const text = `float(${base.image}, ${exp})`;
      return { kind: "FloatLit" as const, id, span, value: Number(base.image) * 10 ** exp, text };
    });
  });

  /** `(e)`, `(e,)`, `(e1, e2)`, `(x = e,)`, `(x = e1, y = e2)`. */
  parenthesized = this.RULE("parenthesized", (): A.Expr => {
    const start = this.CONSUME(T.LParen);
    return this.OR([
      {
        GATE: () => this.LA(1).tokenType === T.Identifier && this.LA(2).tokenType === T.Assign,
        ALT: () => {
          const fields: A.NamedTupleField[] = [];
          const firstName = this.SUBRULE(this.ident);
          this.CONSUME(T.Assign);
          const firstValue = this.SUBRULE(this.expr);
          this.ACTION(() => fields.push({ name: firstName, value: firstValue }));
          // Fields are separated by commas; `(x = 1,)`, with a trailing comma, is the one-field form.
          this.MANY2(() => {
            this.CONSUME(T.Comma);
            this.OPTION(() => {
              const name = this.SUBRULE1(this.ident);
              this.CONSUME1(T.Assign);
              const value = this.SUBRULE3(this.expr);
              this.ACTION(() => fields.push({ name, value }));
            });
          });
          this.CONSUME(T.RParen);
          return this.build(start, (id, span) => ({ kind: "NamedTuple" as const, id, span, fields }));
        },
      },
      {
        ALT: () => {
          const first = this.SUBRULE1(this.expr);
          const rest: A.Expr[] = [];
          let isTuple = false;
          this.MANY(() => {
            this.CONSUME1(T.Comma);
            isTuple = true;
            this.OPTION1(() => {
              const e = this.SUBRULE2(this.expr);
              this.ACTION(() => rest.push(e));
            });
          });
          this.CONSUME1(T.RParen);
          if (!isTuple) return first;
          const elements = [first, ...rest];
          return this.build(start, (id, span) => ({ kind: "Tuple" as const, id, span, elements }));
        },
      },
    ]);
  });

  quantifier = this.RULE("quantifier", (): A.Expr => {
    const start = this.CONSUME(T.Identifier);
    const overNew = this.OPTION(() => this.CONSUME(T.New)) !== undefined;
    this.CONSUME(T.LParen);
    const binders: A.Binder[] = [];
    this.AT_LEAST_ONE_SEP({
      SEP: T.Comma,
      DEF: () => {
        const name = this.SUBRULE(this.ident);
        this.CONSUME(T.Colon);
        const type = this.SUBRULE(this.type);
        this.ACTION(() => binders.push({ name, type }));
      },
    });
    this.CONSUME(T.RParen);
    this.CONSUME(T.DoubleColon);
    const body = this.SUBRULE(this.expr);
    return this.build(start, (id, span) => ({
      kind: "Quantifier" as const,
      id,
      span,
      quantifier: start.image === "exists" ? ("exists" as const) : ("forall" as const),
      overNew,
      binders,
      body,
    }));
  });

  // -------------------------------------------------------------------------------------------

  protected binary(start: IToken, op: A.BinaryOp, left: A.Expr, right: A.Expr): A.Expr {
    return this.build(start, (id, span) => ({ kind: "Binary", id, span, op, left, right }));
  }

  /** True when the token at `k` can begin an operand (so `sent x` is a predicate, `sent == 1` a name). */
  protected startsOperand(k: number): boolean {
    const type = this.LA(k).tokenType;
    return (
      type === T.Identifier ||
      type === T.LParen ||
      type === T.This ||
      type === T.Not ||
      type === T.New ||
      type === T.Null
    );
  }

  protected literal(start: IToken, token: IToken): A.Expr {
    return this.build(start, (id, span): A.Expr => {
      switch (token.tokenType) {
        case T.IntLiteral:
          return { kind: "IntLit", id, span, value: Number(token.image) };
        case T.FloatLiteral:
          return { kind: "FloatLit", id, span, value: Number(token.image), text: token.image };
        case T.StringLiteral:
          return { kind: "StringLit", id, span, value: decodeString(token.image) };
        case T.True:
          return { kind: "BoolLit", id, span, value: true };
        case T.False:
          return { kind: "BoolLit", id, span, value: false };
        case T.Null:
          return { kind: "NullLit", id, span };
        case T.This:
          return { kind: "This", id, span };
        case T.Halt:
          return { kind: "Halt", id, span };
        case T.Nondet:
          return { kind: "Nondet", id, span, fair: false };
        default:
          return { kind: "Nondet", id, span, fair: true };
      }
    });
  }

  protected splitTupleIndices(start: IToken, target: A.Expr, pair: IToken): A.Expr {
    const [first, second] = pair.image.split(".");
    const inner: A.TupleIndexExpr = {
      kind: "TupleIndex",
      id: this.newId(),
      span: this.spanOf(start, pair),
      target,
      index: Number(first),
    };
    return { kind: "TupleIndex", id: this.newId(), span: this.spanOf(start, pair), target: inner, index: Number(second) };
  }

  /** What a failed expression turns into after recovery; its file also carries the syntax error. */
  protected errorExpr(): A.Expr {
    const token = this.LA(1);
    return { kind: "Name", id: this.newId(), span: this.spanOf(token, token), name: "<error>" };
  }
}
