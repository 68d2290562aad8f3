import { describe, expect, it } from "vitest";
import { printType } from "../../src/types/types.ts";
import { check, messages } from "./helpers.ts";

describe("declaration tables", () => {
  const c = check(`
    enum Status { OK = 200, MOVED = 301, LATER }
    enum Color { RED, GREEN }
    type tReq = (client: Client, id: int);
    type tReqs = seq[tReq];
    event eReq: tReq;
    event eDone;
    eventset eAll = { eReq, eDone };
    interface IWorker(int) receives eReq;
    param nWorkers: int;
    machine Client sends eReq; {
      var server: Server;
      var pending: tReqs;
      start state Init {
        entry (s: Server) { server = s; new IWorker(1); goto Asking; }
      }
      state Asking {
        entry { Ask(); }
        on eDone goto Done with { pending = default(tReqs); }
        defer eReq;
      }
      state Done { ignore eAll; exit { } }
      fun Ask() { send server, eReq, (client = this, id = 1); }
    }
    machine Server {
      start state Serve { on eReq do Handle; on null do { } }
      fun Handle(r: tReq) { receive { case eDone: { } } }
    }
    spec Watch observes eAll { start state S { ignore eReq, eDone; } }
  `);

  it("has no diagnostics", () => {
    expect(c.diagnostics).toEqual([]);
  });

  it("lists enums with their values, counting on from the last written one", () => {
    expect(c.checked.enums.get("Status")?.elements.map((e) => [e.name, e.value])).toEqual([
      ["OK", 200],
      ["MOVED", 301],
      ["LATER", 302],
    ]);
    expect(c.checked.enums.get("Color")?.elements.map((e) => e.value)).toEqual([0, 1]);
  });

  it("lists events with payload types, then the special events", () => {
    expect([...c.checked.events.values()].map((e) => [e.name, e.payload && printType(e.payload)])).toEqual([
      ["eReq", "tReq"],
      ["eDone", undefined],
      ["halt", undefined],
      ["null", undefined],
    ]);
    expect(c.checked.eventSets.get("eAll")?.events).toEqual(["eReq", "eDone"]);
    expect(c.checked.aliases.get("tReqs")).toMatchObject({ kind: "Seq", alias: "tReqs", element: { alias: "tReq" } });
    expect(c.checked.interfaces.get("IWorker")).toMatchObject({ payload: { kind: "Int" }, receives: ["eReq"] });
    expect(c.checked.params.get("nWorkers")?.type).toEqual({ kind: "Int" });
  });

  it("describes machines: variables, functions, states, handlers and what they create", () => {
    const client = c.checked.machines.get("Client");
    expect(client?.vars.map((v) => [v.name, printType(v.type), v.index])).toEqual([
      ["server", "Server", 0],
      ["pending", "tReqs", 1],
    ]);
    expect([...(client?.functions.keys() ?? [])]).toEqual(["Ask"]);
    expect([...(client?.states.keys() ?? [])]).toEqual(["Init", "Asking", "Done"]);
    expect(client?.start?.name).toBe("Init");
    expect(client?.startPayload).toEqual({ kind: "MachineRef", name: "Server", of: "machine" });
    expect(client?.sends).toEqual(["eReq"]);
    expect(client?.creates).toEqual(["IWorker"]);
    const asking = client?.states.get("Asking");
    expect(asking?.entry?.name).toBe("Asking.entry");
    expect(asking?.deferred).toEqual(["eReq"]);
    expect(asking?.handlers.get("eDone")).toMatchObject({ kind: "goto", target: "Done", fn: { name: "Asking.on eDone goto Done" } });
    expect(client?.states.get("Done")?.ignored).toEqual(["eReq", "eDone"]);
    expect(client?.states.get("Done")?.exit?.kind).toBe("handler");

    const server = c.checked.machines.get("Server");
    const serve = server?.states.get("Serve");
    expect(serve?.handlers.get("eReq")).toMatchObject({ kind: "do", fn: { name: "Handle", kind: "machine" } });
    expect(serve?.handlers.has("null")).toBe(true);
    expect(server?.functions.get("Handle")?.receives.map((r) => r.name)).toEqual(["receive eDone"]);

    expect(c.checked.specs.get("Watch")?.observes).toEqual(["eReq", "eDone"]);
    expect(c.checked.machines.has("Watch")).toBe(false);
  });

  it("indexes every function by its node id", () => {
    const names = [...c.checked.functionsById.values()].map((f) => `${f.kind}:${f.name}`).sort();
    expect(names).toEqual([
      "handler:Asking.entry",
      "handler:Asking.on eDone goto Done",
      "handler:Done.exit",
      "handler:Init.entry",
      "handler:Serve.on null",
      "machine:Ask",
      "machine:Handle",
      "receive:receive eDone",
    ]);
  });
});

describe("unsupported and ill-formed declarations", () => {
  it("reports foreign types and functions", () => {
    expect(
      messages(`
        type tHandle;
        fun Native(h: tHandle): int;
        machine M { var h: tHandle; start state S { entry { var i: int; i = Native(h) + 1; } } }
      `),
    ).toEqual([
      "3002@1:6 Foreign type 'tHandle' is not supported: Pith checks models written entirely in P; model it with a P type.",
      "3003@2:5 Foreign function 'Native' is not supported: Pith checks models written entirely in P; give it a body.",
    ]);
  });

  it("reports alias cycles once, where they start", () => {
    expect(
      messages(`
        type A = seq[B];
        type B = (x: A, y: int);
        type C = map[int, C];
        type D = A;
      `),
    ).toEqual(["3004@1:6 Type alias 'A' refers to itself: A -> B -> A.", "3004@3:6 Type alias 'C' refers to itself: C -> C."]);
  });

  it("reports duplicate fields in named tuple types and values", () => {
    expect(
      messages(`
        type T = (a: int, a: bool);
        fun F() { print format("{0}", (b = 1, b = 2)); }
      `),
    ).toEqual(["2002@1:19 'a' is already declared.", "2002@2:39 'b' is already declared."]);
  });
});
