import { describe, expect, it } from "vitest";
import { editDistance, suggestName } from "../../src/names/suggest.ts";
import { check, checkFiles, codes, codesInFiles, messages, nodesOf } from "../types/helpers.ts";

describe("the global scope", () => {
  it("is shared by all files of a model, in any order", () => {
    const result = checkFiles({
      "a.p": `
        machine Client {
          start state Init { entry { send new Server(), eReq, (id = 1,); } }
        }
      `,
      "b.p": `
        type tReq = (id: int);
        event eReq: tReq;
        machine Server { start state Init { ignore eReq; } }
      `,
    });
    expect(result.diagnostics).toEqual([]);
  });

  it("reports a duplicate in another file with a note at the first declaration", () => {
    expect(
      codesInFiles({
        "a.p": `
          event eReq;
          machine M { start state S { } }
        `,
        "b.p": `
          enum E { eReq }
          type M = int;
        `,
      }),
    ).toEqual(["2002@b.p:1:10 note@a.p:1:7", "2002@b.p:2:6 note@a.p:2:9"]);
  });

  it("keeps modules, tests and invariants in their own namespaces", () => {
    expect(
      codes(`
        machine Client { start state S { } }
        module Client = { Client };
        test Client [main=Client]: Client;
        invariant Client: true;
        module Client = { Client };
      `),
    ).toEqual(["2002@5:8"]);
  });

  it("reports unknown names, with a suggestion when one is close", () => {
    expect(
      messages(`
        event eRequest;
        machine Server {
          start state Init {
            entry { raise eRequets; raise eX; }
          }
        }
      `),
    ).toEqual([
      "2003@4:19 Unknown name 'eRequets'. Did you mean 'eRequest'?",
      "2001@4:35 Unknown name 'eX'.",
    ]);
  });

  it("suggests only names of the kind the position needs", () => {
    expect(
      messages(`
        event Servr;
        machine Server { start state S { } }
        machine Client { start state S { entry { new Servr(); } } }
      `),
    ).toEqual(["2004@3:46 'Servr' is an event, not a machine or interface."]);
    expect(
      messages(`
        type tCount = int;
        machine Client { var n: tCont; start state S { } }
      `),
    ).toEqual(["2003@2:25 Unknown type 'tCont'. Did you mean 'tCount'?"]);
  });

  it("says what a name is when it is the wrong kind of thing", () => {
    expect(
      messages(`
        event eReq;
        machine Client {
          var x: eReq;
          start state S { entry { x = Client; Client(); } }
        }
      `),
    ).toEqual([
      "2004@3:10 'eReq' is an event, not a type.",
      "2004@4:31 'Client' is a machine, not a value.",
      "2004@4:39 'Client' is a machine, not a function.",
    ]);
  });

  it("records the symbol of every name occurrence", () => {
    const c = check(`
      enum Color { RED, GREEN }
      event eReq: Color;
      param n: int;
      fun Helper(): int { return n; }
      machine Server {
        var c: Color;
        start state Init {
          entry { c = RED; goto Done; }
        }
        state Done { on eReq do (x: Color) { c = x; Helper(); } }
      }
      module Servers = { Server };
      test t [main=Server]: Servers;
    `);
    expect(c.diagnostics).toEqual([]);
    const kindOf = (id: number): string | undefined => c.checked.symbols.get(id)?.kind;
    const [red] = nodesOf(c, "Name", "RED");
    expect(c.checked.symbols.get(red.id)).toMatchObject({ kind: "EnumElement", enumName: "Color", value: 0 });
    const [nRead] = nodesOf(c, "Name", "n");
    expect(kindOf(nRead.id)).toBe("Param");
    const [go] = nodesOf(c, "Goto");
    expect(c.checked.symbols.get(go.state.id)).toMatchObject({ kind: "State", machine: "Server", name: "Done" });
    const [call] = nodesOf(c, "CallStmt");
    expect(c.checked.symbols.get(call.callee.id)).toMatchObject({ kind: "Function", name: "Helper", machine: undefined });
    const [x] = nodesOf(c, "Name", "x");
    expect(c.checked.symbols.get(x.id)).toMatchObject({ kind: "Variable", variable: { storage: "param", index: 0 } });
    const cRefs = nodesOf(c, "Name", "c");
    expect(cRefs.map((r) => c.checked.symbols.get(r.id))).toMatchObject([
      { kind: "Variable", variable: { storage: "machine", name: "c" } },
      { kind: "Variable", variable: { storage: "machine", name: "c" } },
    ]);
    const [onReq] = nodesOf(c, "EventRef");
    expect(kindOf(onReq.id)).toBe("Event");
    const [colorType] = nodesOf(c, "NamedType", "Color");
    expect(kindOf(colorType.name.id)).toBe("Enum");
    const [serversRef] = nodesOf(c, "NamedModuleRef");
    expect(kindOf(serversRef.name.id)).toBe("Module");
    const [test] = nodesOf(c, "TestDecl");
    expect(kindOf(test.main?.id ?? 0)).toBe("Machine");
  });
});

describe("suggestions", () => {
  it("counts a transposition as one edit", () => {
    expect(editDistance("Client", "Clinet")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
  });

  it("suggests a name within a third of its length, never for very short names", () => {
    expect(suggestName("eRequets", ["eRequest", "eReply"])).toBe("eRequest");
    expect(suggestName("counter", ["count", "center"])).toBe("center");
    expect(suggestName("abcdef", ["uvwxyz"])).toBeUndefined();
    expect(suggestName("q", ["b"])).toBeUndefined();
    expect(suggestName("client", ["Client"])).toBe("Client");
  });
});
