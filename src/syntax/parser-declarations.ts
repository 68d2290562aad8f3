// Grammar of top-level declarations: types, enums, events, interfaces, machines and monitors,
// functions, modules, tests and the verification declarations. This is the complete parser.
import type * as A from "../ast/nodes.ts";
import { StatementParser } from "./parser-statements.ts";
import * as T from "./tokens.ts";

/** Contextual words that begin a top-level declaration. */
const softDeclarationWords = ["param", "invariant", "axiom", "pure", "Lemma", "Theorem", "Proof"];

export class PParser extends StatementParser {
  constructor() {
    super();
    this.performSelfAnalysis();
  }

  file = this.RULE("file", (): A.TopDecl[] => {
    const decls: A.TopDecl[] = [];
    this.MANY(() => {
      const d = this.SUBRULE(this.topDecl);
      this.ACTION(() => {
        if (d !== undefined) decls.push(d);
      });
    });
    return decls;
  });

  topDecl = this.RULE(
    "topDecl",
    (): A.TopDecl | undefined =>
      this.OR([
        { ALT: () => this.SUBRULE(this.typeDef) },
        { ALT: () => this.SUBRULE(this.enumDecl) },
        { ALT: () => this.SUBRULE(this.eventDecl) },
        { ALT: () => this.SUBRULE(this.eventSetDecl) },
        { ALT: () => this.SUBRULE(this.interfaceDecl) },
        { ALT: () => this.SUBRULE(this.machineDecl) },
        { ALT: () => this.SUBRULE(this.specDecl) },
        { ALT: () => this.SUBRULE(this.funDecl) },
        { ALT: () => this.SUBRULE(this.moduleDecl) },
        { ALT: () => this.SUBRULE(this.testDecl) },
        { ALT: () => this.SUBRULE(this.implementationDecl) },
        { ALT: () => this.SUBRULE(this.initCondition) },
        {
          GATE: () => softDeclarationWords.some((w) => this.isWord(w)),
          ALT: () => this.SUBRULE(this.softDecl),
        },
      ]),
    { recoveryValueFunc: () => undefined },
  );

  typeDef = this.RULE("typeDef", (): A.TopDecl => {
    const start = this.CONSUME(T.Type);
    const name = this.SUBRULE(this.ident);
    const type = this.OPTION(() => {
      this.CONSUME(T.Assign);
      return this.SUBRULE(this.type);
    });
    this.CONSUME(T.Semi);
    return this.build(start, (id, span) => ({ kind: "TypeDef" as const, id, span, name, type }));
  });

  enumDecl = this.RULE("enumDecl", (): A.TopDecl => {
    const start = this.CONSUME(T.Enum);
    const name = this.SUBRULE(this.ident);
    this.CONSUME(T.LBrace);
    const elements: A.EnumElement[] = [];
    this.AT_LEAST_ONE_SEP({
      SEP: T.Comma,
      DEF: () => {
        const elementStart = this.LA(1);
        const elementName = this.SUBRULE1(this.ident);
        const value = this.OPTION(() => {
          this.CONSUME(T.Assign);
          const negative = this.OPTION1(() => this.CONSUME(T.Minus));
          const literal = this.CONSUME(T.IntLiteral);
          return this.ACTION(() => Number(literal.image) * (negative === undefined ? 1 : -1));
        });
        const element = this.build(elementStart, (id, span) => ({
          kind: "EnumElement" as const,
          id,
          span,
          name: elementName,
          value,
        }));
        this.ACTION(() => elements.push(element));
      },
    });
    this.CONSUME(T.RBrace);
    return this.build(start, (id, span) => ({ kind: "EnumDecl" as const, id, span, name, elements }));
  });

  eventDecl = this.RULE("eventDecl", (): A.TopDecl => {
    const start = this.CONSUME(T.Event);
    const name = this.SUBRULE(this.ident);
    // P's old cardinality annotation (`assert 3` / `assume 3`) is accepted and has no effect.
    this.OPTION(() => {
      this.OR([{ ALT: () => this.CONSUME(T.Assert) }, { ALT: () => this.CONSUME(T.Assume) }]);
      this.CONSUME(T.IntLiteral);
    });
    const payload = this.OPTION1(() => {
      this.CONSUME(T.Colon);
      return this.SUBRULE(this.type);
    });
    this.CONSUME(T.Semi);
    return this.build(start, (id, span) => ({ kind: "EventDecl" as const, id, span, name, payload }));
  });

  eventSetDecl = this.RULE("eventSetDecl", (): A.TopDecl => {
    const start = this.CONSUME(T.EventSet);
    const name = this.SUBRULE(this.ident);
    this.CONSUME(T.Assign);
    this.CONSUME(T.LBrace);
    const events = this.SUBRULE(this.eventList);
    this.CONSUME(T.RBrace);
    this.CONSUME(T.Semi);
    return this.build(start, (id, span) => ({ kind: "EventSetDecl" as const, id, span, name, events }));
  });

  interfaceDecl = this.RULE("interfaceDecl", (): A.TopDecl => {
    const start = this.CONSUME(T.Interface);
    const name = this.SUBRULE(this.ident);
    this.CONSUME(T.LParen);
    const payload = this.OPTION(() => this.SUBRULE(this.type));
    this.CONSUME(T.RParen);
    const receives = this.OPTION1(() => {
      this.CONSUME(T.Receives);
      return this.OPTION2(() => this.SUBRULE(this.eventList)) ?? [];
    });
    this.CONSUME(T.Semi);
    return this.build(start, (id, span) => ({ kind: "InterfaceDecl" as const, id, span, name, payload, receives }));
  });

  machineDecl = this.RULE("machineDecl", (): A.TopDecl => {
    const start = this.CONSUME(T.Machine);
    const name = this.SUBRULE(this.ident);
    this.OPTION(() => {
      this.OR([{ ALT: () => this.CONSUME(T.Assert) }, { ALT: () => this.CONSUME(T.Assume) }]);
      this.CONSUME(T.IntLiteral);
    });
    let receives: A.EventRef[] | undefined;
    let sends: A.EventRef[] | undefined;
    this.MANY(() => {
      this.OR1([
        {
          ALT: () => {
            this.CONSUME(T.Receives);
            const list = this.OPTION1(() => this.SUBRULE(this.eventList)) ?? [];
            this.CONSUME(T.Semi);
            this.ACTION(() => (receives = [...(receives ?? []), ...list]));
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Sends);
            const list = this.OPTION2(() => this.SUBRULE1(this.eventList)) ?? [];
            this.CONSUME1(T.Semi);
            this.ACTION(() => (sends = [...(sends ?? []), ...list]));
          },
        },
      ]);
    });
    const members = this.SUBRULE(this.machineBody);
    return this.build(start, (id, span) => ({ kind: "MachineDecl" as const, id, span, name, receives, sends, members }));
  });

  specDecl = this.RULE("specDecl", (): A.TopDecl => {
    const start = this.CONSUME(T.Spec);
    const name = this.SUBRULE(this.ident);
    this.CONSUME(T.Observes);
    const observes = this.SUBRULE(this.eventList);
    const members = this.SUBRULE(this.machineBody);
    return this.build(start, (id, span) => ({ kind: "SpecDecl" as const, id, span, name, observes, members }));
  });

  machineBody = this.RULE("machineBody", (): A.MachineMember[] => {
    this.CONSUME(T.LBrace);
    const members: A.MachineMember[] = [];
    this.MANY(() => {
      const m = this.SUBRULE(this.machineMember);
      this.ACTION(() => {
        if (m !== undefined) members.push(m);
      });
    });
    this.CONSUME(T.RBrace);
    return members;
  });

  machineMember = this.RULE(
    "machineMember",
    (): A.MachineMember | undefined =>
      this.OR([
        { ALT: () => this.SUBRULE(this.varDecl) },
        { ALT: () => this.SUBRULE(this.funDecl) },
        { ALT: () => this.SUBRULE(this.stateDecl) },
      ]),
    { recoveryValueFunc: () => undefined },
  );

  stateDecl = this.RULE("stateDecl", (): A.StateDecl => {
    const start = this.LA(1);
    const isStart = this.OPTION(() => this.CONSUME(T.Start)) !== undefined;
    const temperature = this.OPTION1(() =>
      this.OR([
        { ALT: () => this.CONSUME(T.Hot) },
        { ALT: () => this.CONSUME(T.Cold) },
      ]),
    );
    this.CONSUME(T.State);
    const name = this.SUBRULE(this.ident);
    this.CONSUME(T.LBrace);
    const items: A.StateItem[] = [];
    this.MANY(() => {
      const item = this.SUBRULE(this.stateItem);
      this.ACTION(() => {
        if (item !== undefined) items.push(item);
      });
    });
    this.CONSUME(T.RBrace);
    return this.build(start, (id, span) => ({
      kind: "StateDecl" as const,
      id,
      span,
      name,
      start: isStart,
      temperature: temperature === undefined ? undefined : temperature.tokenType === T.Hot ? ("hot" as const) : ("cold" as const),
      items,
    }));
  });

  stateItem = this.RULE(
    "stateItem",
    (): A.StateItem | undefined => {
      const start = this.LA(1);
      return this.OR([
        {
          ALT: () => {
            this.CONSUME(T.Entry);
            const handler = this.SUBRULE(this.handlerFunction);
            return this.build(start, (id, span) => ({ kind: "Entry" as const, id, span, handler }));
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Exit);
            const handler = this.SUBRULE1(this.handlerFunction);
            return this.build(start, (id, span) => ({ kind: "Exit" as const, id, span, handler }));
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Defer);
            const events = this.SUBRULE(this.eventList);
            this.CONSUME(T.Semi);
            return this.build(start, (id, span) => ({ kind: "Defer" as const, id, span, events }));
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Ignore);
            const events = this.SUBRULE1(this.eventList);
            this.CONSUME1(T.Semi);
            return this.build(start, (id, span) => ({ kind: "Ignore" as const, id, span, events }));
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.On);
            const events = this.SUBRULE2(this.eventList);
            return this.OR1([
              {
                ALT: () => {
                  this.CONSUME(T.Do);
                  const handler = this.SUBRULE2(this.handlerFunction);
                  return this.build(start, (id, span) => ({ kind: "OnDo" as const, id, span, events, handler }));
                },
              },
              {
                ALT: () => {
                  this.CONSUME(T.Goto);
                  const target = this.SUBRULE(this.ident);
                  const handler = this.OR2([
                    {
                      ALT: () => {
                        this.CONSUME2(T.Semi);
                        return undefined;
                      },
                    },
                    {
                      ALT: () => {
                        this.CONSUME(T.With);
                        return this.SUBRULE3(this.handlerFunction);
                      },
                    },
                  ]);
                  return this.build(start, (id, span) => ({
                    kind: "OnGoto" as const,
                    id,
                    span,
                    events,
                    target,
                    handler,
                  }));
                },
              },
            ]);
          },
        },
      ]);
    },
    { recoveryValueFunc: () => undefined },
  );

  funDecl = this.RULE("funDecl", (): A.FunDecl => {
    const start = this.CONSUME(T.Fun);
    const name = this.SUBRULE(this.ident);
    const params = this.SUBRULE(this.params);
    const returnType = this.OPTION(() => {
      this.CONSUME(T.Colon);
      return this.SUBRULE(this.type);
    });
    const creates = this.OPTION1({
      GATE: () => this.isWord("creates"),
      DEF: () => {
        this.CONSUME(T.Identifier);
        return this.SUBRULE1(this.ident);
      },
    });
    const contracts: A.FunctionContract[] = [];
    let resultName: A.Param | undefined;
    this.MANY({
      GATE: () => this.isWord("requires") || this.isWord("ensures") || this.LA(1).tokenType === T.Return,
      DEF: () => {
        this.OR([
          {
            ALT: () => {
              const word = this.CONSUME1(T.Identifier);
              const condition = this.SUBRULE(this.expr);
              this.CONSUME(T.Semi);
              const contract = this.build(word, (id, span) => ({
                kind: "FunctionContract" as const,
                id,
                span,
                clause: word.image === "ensures" ? ("ensures" as const) : ("requires" as const),
                condition,
              }));
              this.ACTION(() => contracts.push(contract));
            },
          },
          {
            ALT: () => {
              this.CONSUME(T.Return);
              this.CONSUME(T.LParen);
              const result = this.SUBRULE(this.param);
              this.CONSUME(T.RParen);
              this.CONSUME1(T.Semi);
              this.ACTION(() => (resultName = result));
            },
          },
        ]);
      },
    });
    // Without a body the declaration ends with `;`, unless contracts (each ending in `;`) close it.
    const body = this.OR1([
      { ALT: () => this.SUBRULE(this.block) },
      {
        ALT: () => {
          this.CONSUME2(T.Semi);
          return undefined;
        },
      },
      { GATE: () => contracts.length > 0 || resultName !== undefined, ALT: () => undefined },
    ]);
    return this.build(start, (id, span) => ({
      kind: "FunDecl" as const,
      id,
      span,
      name,
      params,
      returnType,
      body,
      creates,
      contracts,
      resultName,
    }));
  });

  moduleDecl = this.RULE("moduleDecl", (): A.TopDecl => {
    const start = this.CONSUME(T.Module);
    const name = this.SUBRULE(this.ident);
    this.CONSUME(T.Assign);
    const module = this.SUBRULE(this.moduleExpr);
    this.CONSUME(T.Semi);
    return this.build(start, (id, span) => ({ kind: "ModuleDecl" as const, id, span, name, module }));
  });

  identList = this.RULE("identList", (): A.Ident[] => {
    const list: A.Ident[] = [];
    this.AT_LEAST_ONE_SEP({
      SEP: T.Comma,
      DEF: () => {
        const i = this.SUBRULE(this.ident);
        this.ACTION(() => list.push(i));
      },
    });
    return list;
  });

  moduleExpr = this.RULE("moduleExpr", (): A.ModuleExpr => {
    const start = this.LA(1);
    return this.OR([
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          const inner = this.SUBRULE(this.moduleExpr);
          this.CONSUME(T.RParen);
          return inner;
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.LBrace);
          const bindings: A.ModuleBinding[] = [];
          this.AT_LEAST_ONE_SEP({
            SEP: T.Comma,
            DEF: () => {
              const bindStart = this.LA(1);
              const machine = this.SUBRULE(this.ident);
              const iface = this.OPTION(() => {
                this.CONSUME(T.Arrow);
                return this.SUBRULE1(this.ident);
              });
              const binding = this.build(bindStart, (id, span) => ({
                kind: "ModuleBinding" as const,
                id,
                span,
                machine,
                iface,
              }));
              this.ACTION(() => bindings.push(binding));
            },
          });
          this.CONSUME(T.RBrace);
          return this.build(start, (id, span) => ({ kind: "PrimitiveModule" as const, id, span, bindings }));
        },
      },
      {
        ALT: () => {
          const op = this.OR1([{ ALT: () => this.CONSUME(T.Compose) }, { ALT: () => this.CONSUME(T.Union) }]);
          const modules: A.ModuleExpr[] = [];
          this.AT_LEAST_ONE_SEP1({
            SEP: T.Comma,
            DEF: () => {
              const m = this.SUBRULE1(this.moduleExpr);
              this.ACTION(() => modules.push(m));
            },
          });
          return this.build(start, (id, span) =>
            op.tokenType === T.Compose
              ? { kind: "ComposeModule" as const, id, span, modules }
              : { kind: "UnionModule" as const, id, span, modules },
          );
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.HideE);
          const events = this.SUBRULE(this.eventList);
          this.CONSUME(T.In);
          const module = this.SUBRULE2(this.moduleExpr);
          return this.build(start, (id, span) => ({ kind: "HideEventsModule" as const, id, span, events, module }));
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.HideI);
          const interfaces = this.SUBRULE(this.identList);
          this.CONSUME1(T.In);
          const module = this.SUBRULE3(this.moduleExpr);
          return this.build(start, (id, span) => ({
            kind: "HideInterfacesModule" as const,
            id,
            span,
            interfaces,
            module,
          }));
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Assert);
          const specs = this.SUBRULE1(this.identList);
          this.CONSUME2(T.In);
          const module = this.SUBRULE4(this.moduleExpr);
          return this.build(start, (id, span) => ({ kind: "AssertModule" as const, id, span, specs, module }));
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Rename);
          const from = this.SUBRULE2(this.ident);
          this.CONSUME(T.To);
          const to = this.SUBRULE3(this.ident);
          this.CONSUME3(T.In);
          const module = this.SUBRULE5(this.moduleExpr);
          return this.build(start, (id, span) => ({ kind: "RenameModule" as const, id, span, from, to, module }));
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Main);
          const machine = this.SUBRULE4(this.ident);
          this.consume(4, T.In);
          const module = this.SUBRULE6(this.moduleExpr);
          return this.build(start, (id, span) => ({ kind: "MainModule" as const, id, span, machine, module }));
        },
      },
      {
        ALT: () => {
          const name = this.SUBRULE5(this.ident);
          return this.build(start, (id, span) => ({ kind: "NamedModuleRef" as const, id, span, name }));
        },
      },
    ]);
  });

  /** `[main=M]` */
  mainClause = this.RULE("mainClause", (): A.Ident => {
    this.CONSUME(T.LBracket);
    this.CONSUME(T.Main);
    this.CONSUME(T.Assign);
    const machine = this.SUBRULE(this.ident);
    this.CONSUME(T.RBracket);
    return machine;
  });

  testParamValue = this.RULE("testParamValue", (): A.IntLiteral | A.BoolLiteral => {
    const start = this.LA(1);
    return this.OR([
      {
        ALT: () => {
          const negative = this.OPTION(() => this.CONSUME(T.Minus));
          const literal = this.CONSUME(T.IntLiteral);
          return this.build(start, (id, span) => ({
            kind: "IntLit" as const,
            id,
            span,
            value: Number(literal.image) * (negative === undefined ? 1 : -1),
          }));
        },
      },
      {
        ALT: () => {
          const b = this.OR1([{ ALT: () => this.CONSUME(T.True) }, { ALT: () => this.CONSUME(T.False) }]);
          return this.build(start, (id, span) => ({ kind: "BoolLit" as const, id, span, value: b.tokenType === T.True }));
        },
      },
    ]);
  });

  testParam = this.RULE("testParam", (): A.TestParam => {
    const start = this.LA(1);
    const name = this.SUBRULE(this.ident);
    this.CONSUME(T.In);
    this.CONSUME(T.LBracket);
    const values: (A.IntLiteral | A.BoolLiteral)[] = [];
    this.AT_LEAST_ONE_SEP({
      SEP: T.Comma,
      DEF: () => {
        const v = this.SUBRULE(this.testParamValue);
        this.ACTION(() => values.push(v));
      },
    });
    this.CONSUME(T.RBracket);
    return this.build(start, (id, span) => ({ kind: "TestParam" as const, id, span, name, values }));
  });

  testDecl = this.RULE("testDecl", (): A.TopDecl => {
    const start = this.CONSUME(T.Test);
    const params: A.TestParam[] = [];
    let assume: A.Expr | undefined;
    let wise: number | undefined;
    this.OPTION({
      GATE: () => this.isWord("param"),
      DEF: () => {
        this.CONSUME(T.Identifier);
        this.CONSUME(T.LParen);
        this.AT_LEAST_ONE_SEP({
          SEP: T.Comma,
          DEF: () => {
            const p = this.SUBRULE(this.testParam);
            this.ACTION(() => params.push(p));
          },
        });
        this.CONSUME(T.RParen);
        this.OPTION1(() => {
          this.CONSUME(T.Assume);
          this.CONSUME1(T.LParen);
          const condition = this.SUBRULE(this.expr);
          this.CONSUME1(T.RParen);
          this.ACTION(() => (assume = condition));
        });
        this.OPTION2(() => {
          this.CONSUME2(T.LParen);
          const n = this.CONSUME(T.IntLiteral);
          this.CONSUME1(T.Identifier); // `wise`
          this.CONSUME2(T.RParen);
          this.ACTION(() => (wise = Number(n.image)));
        });
      },
    });
    const name = this.SUBRULE(this.ident);
    const main = this.OPTION3(() => this.SUBRULE(this.mainClause));
    this.CONSUME(T.Colon);
    const module = this.SUBRULE(this.moduleExpr);
    const refines = this.OPTION4(() => {
      this.CONSUME(T.Refines);
      return this.SUBRULE1(this.moduleExpr);
    });
    this.CONSUME(T.Semi);
    return this.build(start, (id, span) => ({
      kind: "TestDecl" as const,
      id,
      span,
      name,
      params,
      assume,
      wise,
      main,
      module,
      refines,
    }));
  });

  implementationDecl = this.RULE("implementationDecl", (): A.TopDecl => {
    const start = this.CONSUME(T.Implementation);
    const name = this.SUBRULE(this.ident);
    const main = this.OPTION(() => this.SUBRULE(this.mainClause));
    this.CONSUME(T.Colon);
    const module = this.SUBRULE(this.moduleExpr);
    this.CONSUME(T.Semi);
    return this.build(start, (id, span) => ({ kind: "ImplementationDecl" as const, id, span, name, main, module }));
  });

  initCondition = this.RULE("initCondition", (): A.TopDecl => {
    const start = this.CONSUME(T.InitCondition);
    const condition = this.SUBRULE(this.expr);
    this.CONSUME(T.Semi);
    return this.build(start, (id, span) => ({ kind: "InitConditionDecl" as const, id, span, condition }));
  });

  /** `invariant [name:] e;` */
  invariant = this.RULE("invariant", (): A.InvariantDecl => {
    const start = this.CONSUME(T.Identifier);
    const name = this.OPTION({
      GATE: () => this.LA(1).tokenType === T.Identifier && this.LA(2).tokenType === T.Colon,
      DEF: () => {
        const n = this.SUBRULE(this.ident);
        this.CONSUME(T.Colon);
        return n;
      },
    });
    const condition = this.SUBRULE(this.expr);
    this.CONSUME(T.Semi);
    return this.build(start, (id, span) => ({ kind: "InvariantDecl" as const, id, span, name, condition }));
  });

  /** Declarations introduced by a contextual word: param, invariant, axiom, pure, Lemma, Theorem, Proof. */
  softDecl = this.RULE("softDecl", (): A.TopDecl => {
    const start = this.LA(1);
    return this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        {
          GATE: () => this.isWord("param"),
          ALT: () => {
            this.CONSUME(T.Identifier);
            const name = this.SUBRULE(this.ident);
            this.CONSUME(T.Colon);
            const type = this.SUBRULE(this.type);
            this.CONSUME(T.Semi);
            return this.build(start, (id, span) => ({ kind: "ParamDecl" as const, id, span, name, type }));
          },
        },
        { GATE: () => this.isWord("invariant"), ALT: () => this.SUBRULE(this.invariant) },
        {
          GATE: () => this.isWord("axiom"),
          ALT: () => {
            this.CONSUME1(T.Identifier);
            const condition = this.SUBRULE(this.expr);
            this.CONSUME1(T.Semi);
            return this.build(start, (id, span) => ({ kind: "AxiomDecl" as const, id, span, condition }));
          },
        },
        {
          GATE: () => this.isWord("pure"),
          ALT: () => {
            this.CONSUME2(T.Identifier);
            const name = this.SUBRULE1(this.ident);
            const params = this.SUBRULE(this.params);
            this.CONSUME1(T.Colon);
            const returnType = this.SUBRULE1(this.type);
            const body = this.OPTION(() => {
              this.CONSUME(T.Assign);
              return this.SUBRULE1(this.expr);
            });
            this.CONSUME2(T.Semi);
            return this.build(start, (id, span) => ({
              kind: "PureDecl" as const,
              id,
              span,
              name,
              params,
              returnType,
              body,
            }));
          },
        },
        {
          GATE: () => this.isWord("Lemma") || this.isWord("Theorem"),
          ALT: () => {
            const word = this.CONSUME3(T.Identifier);
            const name = this.SUBRULE2(this.ident);
            this.CONSUME(T.LBrace);
            const invariants: A.InvariantDecl[] = [];
            this.MANY({
              GATE: () => this.isWord("invariant"),
              DEF: () => {
                const inv = this.SUBRULE1(this.invariant);
                this.ACTION(() => invariants.push(inv));
              },
            });
            this.CONSUME(T.RBrace);
            return this.build(start, (id, span) => ({
              kind: "LemmaDecl" as const,
              id,
              span,
              keyword: word.image === "Theorem" ? ("Theorem" as const) : ("Lemma" as const),
              name,
              invariants,
            }));
          },
        },
        {
          GATE: () => this.isWord("Proof"),
          ALT: () => {
            this.CONSUME4(T.Identifier);
            const name = this.OPTION1(() => this.SUBRULE3(this.ident));
            this.CONSUME1(T.LBrace);
            const steps: A.ProveStep[] = [];
            this.MANY1(() => {
              const step = this.SUBRULE(this.proveStep);
              this.ACTION(() => steps.push(step));
            });
            this.CONSUME1(T.RBrace);
            return this.build(start, (id, span) => ({ kind: "ProofDecl" as const, id, span, name, steps }));
          },
        },
      ],
    });
  });

  /** A name in a proof step; `default` stands for P's built-in obligations. */
  proofName = this.RULE("proofName", (): A.Ident => {
    const token = this.OR([{ ALT: () => this.CONSUME(T.Identifier) }, { ALT: () => this.CONSUME(T.Default) }]);
    return this.build(token, (id, span) => ({ kind: "Ident" as const, id, span, name: token.image }));
  });

  proveStep = this.RULE("proveStep", (): A.ProveStep => {
    const start = this.CONSUME(T.Identifier); // `prove`
    const targets: A.Ident[] = [];
    const using: A.Ident[] = [];
    this.AT_LEAST_ONE_SEP({
      SEP: T.Comma,
      DEF: () => {
        const t = this.SUBRULE(this.proofName);
        this.ACTION(() => targets.push(t));
      },
    });
    this.OPTION({
      GATE: () => this.isWord("using"),
      DEF: () => {
        this.CONSUME1(T.Identifier);
        this.AT_LEAST_ONE_SEP1({
          SEP: T.Comma,
          DEF: () => {
            const u = this.SUBRULE1(this.proofName);
            this.ACTION(() => using.push(u));
          },
        });
      },
    });
    this.CONSUME(T.Semi);
    return this.build(start, (id, span) => ({ kind: "ProveStep" as const, id, span, targets, using }));
  });
}
