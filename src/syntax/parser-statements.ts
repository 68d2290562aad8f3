// Grammar of statements, blocks, function bodies and anonymous functions.
import type { IToken } from "chevrotain";
import type * as A from "../ast/nodes.ts";
import { ExpressionParser } from "./parser-expressions.ts";
import * as T from "./tokens.ts";

export class StatementParser extends ExpressionParser {
  /** Variable declarations that appeared after a statement, to be reported by the driver. */
  lateVars: A.VarDecl[] = [];
  /** Assignment targets that are not locations, to be reported by the driver. */
  badTargets: A.Expr[] = [];

  varDecl = this.RULE("varDecl", (): A.VarDecl => {
    const start = this.CONSUME(T.Var);
    const names: A.Ident[] = [];
    this.AT_LEAST_ONE_SEP({
      SEP: T.Comma,
      DEF: () => {
        const name = this.SUBRULE(this.ident);
        this.ACTION(() => names.push(name));
      },
    });
    this.CONSUME(T.Colon);
    const type = this.SUBRULE(this.type);
    this.CONSUME(T.Semi);
    return this.build(start, (id, span) => ({ kind: "VarDecl" as const, id, span, names, type }));
  });

  /** `{ var ...; statements }`: variables must come first (P's rule); later ones are reported. */
  block = this.RULE("block", (): A.Block => {
    const start = this.CONSUME(T.LBrace);
    const vars: A.VarDecl[] = [];
    const statements: A.Stmt[] = [];
    this.MANY(() => {
      this.OR([
        {
          ALT: () => {
            const v = this.SUBRULE(this.varDecl);
            this.ACTION(() => {
              if (statements.length > 0 && v !== undefined) this.lateVars.push(v); // undefined: dropped by error recovery
              vars.push(v);
            });
          },
        },
        {
          ALT: () => {
            const s = this.SUBRULE(this.statement);
            this.ACTION(() => statements.push(s));
          },
        },
      ]);
    });
    this.CONSUME(T.RBrace);
    return this.build(start, (id, span) => ({ kind: "Block" as const, id, span, vars, statements }));
  });

  param = this.RULE("param", (): A.Param => {
    const start = this.LA(1);
    const name = this.SUBRULE(this.ident);
    this.CONSUME(T.Colon);
    const type = this.SUBRULE(this.type);
    return this.build(start, (id, span) => ({ kind: "Param" as const, id, span, name, type }));
  });

  /** `(p: T, ...)` */
  params = this.RULE("params", (): A.Param[] => {
    this.CONSUME(T.LParen);
    const list: A.Param[] = [];
    this.MANY_SEP({
      SEP: T.Comma,
      DEF: () => {
        const p = this.SUBRULE(this.param);
        this.ACTION(() => list.push(p));
      },
    });
    this.CONSUME(T.RParen);
    return list;
  });

  anonFunction = this.RULE("anonFunction", (): A.AnonFunction => {
    const start = this.LA(1);
    const params = this.OPTION(() => this.SUBRULE(this.params)) ?? [];
    const body = this.SUBRULE(this.block);
    return this.build(start, (id, span) => ({ kind: "AnonFunction" as const, id, span, params, body }));
  });

  /** A handler written as a function name followed by `;`, or as an anonymous function. */
  handlerFunction = this.RULE("handlerFunction", (): A.HandlerFunction => {
    const start = this.LA(1);
    return this.OR([
      {
        ALT: () => {
          const name = this.SUBRULE(this.ident);
          this.CONSUME(T.Semi);
          return this.build(start, (id, span) => ({ kind: "FunctionRef" as const, id, span, name }));
        },
      },
      { ALT: () => this.SUBRULE(this.anonFunction) },
    ]);
  });

  eventRef = this.RULE("eventRef", (): A.EventRef => {
    const token = this.OR([
      { ALT: () => this.CONSUME(T.Identifier) },
      { ALT: () => this.CONSUME(T.Null) },
      { ALT: () => this.CONSUME(T.Halt) },
    ]);
    return this.build(token, (id, span) => ({ kind: "EventRef" as const, id, span, name: token.image }));
  });

  eventList = this.RULE("eventList", (): A.EventRef[] => {
    const list: A.EventRef[] = [];
    this.AT_LEAST_ONE_SEP({
      SEP: T.Comma,
      DEF: () => {
        const e = this.SUBRULE(this.eventRef);
        this.ACTION(() => list.push(e));
      },
    });
    return list;
  });

  /** `, e1, e2` after the fixed operands of raise/send/announce/goto. */
  trailingArgs = this.RULE("trailingArgs", (): A.Expr[] => {
    const args: A.Expr[] = [];
    this.MANY(() => {
      this.CONSUME(T.Comma);
      const e = this.SUBRULE(this.expr);
      this.ACTION(() => args.push(e));
    });
    return args;
  });

  loopInvariants = this.RULE("loopInvariants", (): A.LoopInvariant[] => {
    const list: A.LoopInvariant[] = [];
    this.MANY({
      GATE: () => this.isWord("invariant") && this.LA(2).tokenType !== T.Assign,
      DEF: () => {
        const start = this.CONSUME(T.Identifier);
        const condition = this.SUBRULE(this.expr);
        this.CONSUME(T.Semi);
        const inv = this.build(start, (id, span) => ({ kind: "LoopInvariant" as const, id, span, condition }));
        this.ACTION(() => list.push(inv));
      },
    });
    return list;
  });

  statement = this.RULE(
    "statement",
    (): A.Stmt => {
      const start = this.LA(1);
      return this.OR([
        { ALT: () => this.SUBRULE(this.block) },
        {
          ALT: () => {
            this.CONSUME(T.Assert);
            const condition = this.SUBRULE(this.expr);
            const message = this.OPTION(() => {
              this.CONSUME(T.Comma);
              return this.SUBRULE1(this.expr);
            });
            this.CONSUME(T.Semi);
            return this.build(start, (id, span) => ({ kind: "Assert" as const, id, span, condition, message }));
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Print);
            const message = this.SUBRULE2(this.expr);
            this.CONSUME1(T.Semi);
            return this.build(start, (id, span) => ({ kind: "Print" as const, id, span, message }));
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Return);
            const value = this.OPTION1(() => this.SUBRULE3(this.expr));
            this.CONSUME2(T.Semi);
            return this.build(start, (id, span) => ({ kind: "Return" as const, id, span, value }));
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Break);
            this.CONSUME3(T.Semi);
            return this.build(start, (id, span) => ({ kind: "Break" as const, id, span }));
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Continue);
            this.CONSUME4(T.Semi);
            return this.build(start, (id, span) => ({ kind: "Continue" as const, id, span }));
          },
        },
        { ALT: () => this.SUBRULE(this.whileStatement) },
        { ALT: () => this.SUBRULE(this.foreachStatement) },
        { ALT: () => this.SUBRULE(this.ifStatement) },
        {
          ALT: () => {
            this.CONSUME(T.New);
            const machine = this.SUBRULE(this.ident);
            const args = this.SUBRULE(this.arguments);
            this.CONSUME5(T.Semi);
            return this.build(start, (id, span) => ({ kind: "NewStmt" as const, id, span, machine, args }));
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Raise);
            const event = this.SUBRULE4(this.expr);
            const args = this.SUBRULE(this.trailingArgs);
            this.CONSUME6(T.Semi);
            return this.build(start, (id, span) => ({ kind: "Raise" as const, id, span, event, args }));
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Send);
            const target = this.SUBRULE5(this.expr);
            this.CONSUME1(T.Comma);
            const event = this.SUBRULE6(this.expr);
            const args = this.SUBRULE1(this.trailingArgs);
            this.CONSUME7(T.Semi);
            return this.build(start, (id, span) => ({ kind: "Send" as const, id, span, target, event, args }));
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Announce);
            const event = this.SUBRULE7(this.expr);
            const args = this.SUBRULE2(this.trailingArgs);
            this.CONSUME8(T.Semi);
            return this.build(start, (id, span) => ({ kind: "Announce" as const, id, span, event, args }));
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Goto);
            const state = this.SUBRULE1(this.ident);
            const args = this.SUBRULE3(this.trailingArgs);
            this.CONSUME9(T.Semi);
            return this.build(start, (id, span) => ({ kind: "Goto" as const, id, span, state, args }));
          },
        },
        { ALT: () => this.SUBRULE(this.receiveStatement) },
        {
          ALT: () => {
            this.consume(10, T.Semi);
            return this.build(start, (id, span) => ({ kind: "Empty" as const, id, span }));
          },
        },
        {
          ALT: () => {
            const callee = this.SUBRULE2(this.ident);
            const args = this.SUBRULE1(this.arguments);
            this.consume(11, T.Semi);
            return this.build(start, (id, span) => ({ kind: "CallStmt" as const, id, span, callee, args }));
          },
        },
        // Last, so that calls and `new` statements are not taken for assignment targets.
        { ALT: () => this.SUBRULE(this.assignment), IGNORE_AMBIGUITIES: true },
      ]);
    },
    { recoveryValueFunc: () => this.emptyStatement() },
  );

  whileStatement = this.RULE("whileStatement", (): A.Stmt => {
    const start = this.CONSUME(T.While);
    this.CONSUME(T.LParen);
    const condition = this.SUBRULE(this.expr);
    this.CONSUME(T.RParen);
    const invariants = this.SUBRULE(this.loopInvariants);
    const body = this.SUBRULE(this.statement);
    return this.build(start, (id, span) => ({ kind: "While" as const, id, span, condition, invariants, body }));
  });

  foreachStatement = this.RULE("foreachStatement", (): A.Stmt => {
    const start = this.CONSUME(T.Foreach);
    this.CONSUME(T.LParen);
    const item = this.SUBRULE(this.ident);
    this.CONSUME(T.In);
    const collection = this.SUBRULE(this.expr);
    this.CONSUME(T.RParen);
    const invariants = this.SUBRULE(this.loopInvariants);
    const body = this.SUBRULE(this.statement);
    return this.build(start, (id, span) => ({
      kind: "Foreach" as const,
      id,
      span,
      item,
      collection,
      invariants,
      body,
    }));
  });

  ifStatement = this.RULE("ifStatement", (): A.Stmt => {
    const start = this.CONSUME(T.If);
    this.CONSUME(T.LParen);
    const condition = this.SUBRULE(this.expr);
    this.CONSUME(T.RParen);
    const then = this.SUBRULE(this.statement);
    const otherwise = this.OPTION(() => {
      this.CONSUME(T.Else);
      return this.SUBRULE1(this.statement);
    });
    return this.build(start, (id, span) => ({ kind: "If" as const, id, span, condition, then, else: otherwise }));
  });

  receiveStatement = this.RULE("receiveStatement", (): A.Stmt => {
    const start = this.CONSUME(T.Receive);
    this.CONSUME(T.LBrace);
    const cases: A.ReceiveCase[] = [];
    this.AT_LEAST_ONE(() => {
      const caseStart = this.CONSUME(T.Case);
      const events = this.SUBRULE(this.eventList);
      this.CONSUME(T.Colon);
      const handler = this.SUBRULE(this.anonFunction);
      const c = this.build(caseStart, (id, span) => ({ kind: "ReceiveCase" as const, id, span, events, handler }));
      this.ACTION(() => cases.push(c));
    });
    this.CONSUME(T.RBrace);
    return this.build(start, (id, span) => ({ kind: "Receive" as const, id, span, cases }));
  });

  /** `target = e;`, `target += (k, v);`, `target += (v);`, `target -= k;` */
  assignment = this.RULE("assignment", (): A.Stmt => {
    const start = this.LA(1);
    const target = this.SUBRULE(this.postfix);
    this.ACTION(() => {
      if (!isLocation(target)) this.badTargets.push(target);
    });
    return this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Assign);
          const value = this.SUBRULE(this.expr);
          this.CONSUME(T.Semi);
          return this.build(start, (id, span) => ({ kind: "Assign" as const, id, span, target, value }));
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.PlusAssign);
          this.CONSUME(T.LParen);
          const first = this.SUBRULE1(this.expr);
          const second = this.OPTION(() => {
            this.CONSUME(T.Comma);
            return this.SUBRULE2(this.expr);
          });
          this.CONSUME(T.RParen);
          this.CONSUME1(T.Semi);
          return this.build(start, (id, span) =>
            second === undefined
              ? { kind: "Insert" as const, id, span, target, key: undefined, value: first }
              : { kind: "Insert" as const, id, span, target, key: first, value: second },
          );
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.MinusAssign);
          const key = this.SUBRULE3(this.expr);
          this.CONSUME2(T.Semi);
          return this.build(start, (id, span) => ({ kind: "Remove" as const, id, span, target, key }));
        },
      },
    ]);
  });

  protected emptyStatement(): A.Stmt {
    const token: IToken = this.LA(0);
    return { kind: "Empty", id: this.newId(), span: this.spanOf(token, token) };
  }
}

function isLocation(e: A.Expr): boolean {
  if (e === undefined) return true; // a part that error recovery left out: its syntax error is already reported
  switch (e.kind) {
    case "Name":
      return true;
    case "Field":
    case "TupleIndex":
    case "Index":
      return isLocation(e.target);
    default:
      return false;
  }
}
