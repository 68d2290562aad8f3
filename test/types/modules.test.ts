import { describe, expect, it } from "vitest";
import { check, checkFiles, codes, messages, type Checked } from "./helpers.ts";

const machines = `
  event eReq;
  interface IServer(int) receives eReq;
  machine Server { start state S { entry (n: int) { } ignore eReq; } }
  machine AbstractServer { start state S { entry (n: int) { } ignore eReq; } }
  machine Client { start state S { entry { send new IServer(1), eReq; new Logger(); } } }
  machine Logger { start state S { } }
  spec Safety observes eReq { start state S { ignore eReq; } }
`;

/** Checks `text` as test.p next to the machines above (machines.p). */
function withMachines(text: string): Checked {
  return checkFiles({ "machines.p": machines, "test.p": text });
}

/** `code@line:col message` for the diagnostics in test.p. */
function messagesWithMachines(text: string): string[] {
  const c = withMachines(text);
  const source = c.sources[1];
  return c.diagnostics.map((d) => {
    const p = source.position(d.span.start);
    return `${d.code}@${d.span.file === "test.p" ? "" : `${d.span.file}:`}${p.line}:${p.column} ${d.message}`;
  });
}

describe("module expressions", () => {
  it("denote machines, bindings and asserted specs", () => {
    const c = withMachines(`
      module Clients = { Client, Logger };
      module Servers = { Server -> IServer };
      module System = assert Safety in (union Clients, Servers);
      module Abstract = union Clients, { AbstractServer -> IServer };
    `);
    expect(c.diagnostics).toEqual([]);
    const system = c.checked.modules.get("System")?.value;
    expect(system?.machines).toEqual(["Client", "Logger", "Server"]);
    expect([...(system?.bindings ?? [])]).toEqual([
      ["Client", "Client"],
      ["Logger", "Logger"],
      ["IServer", "Server"],
    ]);
    expect(system?.specs).toEqual(["Safety"]);
    expect(c.checked.modules.get("Abstract")?.value.bindings.get("IServer")).toBe("AbstractServer");
  });

  it("reports conflicting bindings, specs in modules, cycles and unknown modules", () => {
    expect(
      messagesWithMachines(`
        module Both = union { Server -> IServer }, { AbstractServer -> IServer };
        module WithSpec = { Client, Safety };
        module Loop = union Loop, { Client };
        module Asserted = assert Client in { Client };
        module Missing = union Clints, { Client };
      `),
    ).toEqual([
      "3047@1:44 'IServer' is bound to both 'Server' and 'AbstractServer'.",
      "3052@2:29 'Safety' is a spec; attach specs to a module with 'assert Safety in ...'.",
      "3050@3:21 Module 'Loop' refers to itself.",
      "2004@4:26 'Client' is a machine, not a spec.",
      "2003@5:24 Unknown module 'Clints'. Did you mean 'Client'?",
    ]);
  });
});

describe("tests", () => {
  it("record the main machine, the module and the asserted specs", () => {
    const c = withMachines(`
      test tc [main=Client]: assert Safety in { Client, Logger, Server -> IServer };
    `);
    expect(c.diagnostics).toEqual([]);
    const test = c.checked.tests.get("tc");
    expect(test?.main).toBe("Client");
    expect(test?.module.specs).toEqual(["Safety"]);
    expect(test?.module.machines).toEqual(["Client", "Logger", "Server"]);
  });

  it("must be closed: whatever the module's machines create must be bound in it", () => {
    expect(
      messagesWithMachines(`
        test open [main=Client]: { Client };
        test wrongMain [main=Server]: { Client, Logger, AbstractServer -> IServer };
      `),
    ).toEqual([
      "3049@1:6 The module of this test is not closed: 'IServer' is created by 'Client' but is not in the module.",
      "3049@1:6 The module of this test is not closed: 'Logger' is created by 'Client' but is not in the module.",
      "3048@2:22 The main machine 'Server' is not in the module of test 'wrongMain'.",
    ]);
  });

  it("follows creation through global functions", () => {
    expect(
      codes(`
        machine Worker { start state S { } }
        fun Spawn() { new Worker(); }
        machine Main { start state S { entry { Spawn(); } } }
        test t [main=Main]: { Main };
      `),
    ).toEqual(["3049@4:6"]);
  });

  it("checks parametric tests: declared params, typed values, a bool assumption, N-wise", () => {
    const c = check(`
      param nClients: int;
      param lossy: bool;
      machine Main { start state S { entry { var i: int; i = nClients; } } }
      test param (nClients in [1, 2, 3], lossy in [true, false]) assume (nClients > 1 || !lossy) (2 wise) tp [main=Main]: { Main };
    `);
    expect(c.diagnostics).toEqual([]);
    expect(c.checked.tests.get("tp")?.params).toMatchObject([
      { name: "nClients", values: [1, 2, 3], param: { name: "nClients" } },
      { name: "lossy", values: [true, false], param: { name: "lossy" } },
    ]);
    expect(
      messages(`
        param n: int;
        param b: bool;
        machine Main { start state S { } }
        test param (n in [1, true], b in [2], size in [1], n in [4]) assume (n + 1) (5 wise) tp [main=Main]: { Main };
      `),
    ).toEqual([
      "3051@4:1 '(5 wise)' needs between 1 and the number of params (4).",
      "3001@4:22 Type mismatch: expected int but found bool.",
      "3001@4:35 Type mismatch: expected bool but found int.",
      "2001@4:39 Unknown param 'size'.",
      "2002@4:52 'n' is already declared.",
      "3001@4:70 Type mismatch: expected bool but found int.",
    ]);
  });
});
