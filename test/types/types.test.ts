import { describe, expect, it } from "vitest";
import {
  ANY,
  BOOL,
  DATA,
  ERROR,
  EVENT,
  FLOAT,
  INT,
  MACHINE,
  NULL,
  STRING,
  comparable,
  isData,
  isSubtype,
  mapOf,
  printPair,
  printType,
  seqOf,
  setOf,
  tupleOf,
  withAlias,
  type Type,
} from "../../src/types/types.ts";

const client: Type = { kind: "MachineRef", name: "Client", of: "machine" };
const server: Type = { kind: "MachineRef", name: "Server", of: "machine" };
const iface: Type = { kind: "MachineRef", name: "IServer", of: "interface" };
const color: Type = { kind: "Enum", name: "Color" };
const named = (...fields: [string, Type][]): Type => ({
  kind: "NamedTuple",
  fields: fields.map(([name, type]) => ({ name, type })),
});

describe("subtyping", () => {
  it("makes every type a subtype of any, and only same primitives related", () => {
    for (const t of [INT, FLOAT, BOOL, STRING, EVENT, MACHINE, DATA, client, color, seqOf(INT)]) {
      expect(isSubtype(t, ANY)).toBe(true);
    }
    expect(isSubtype(INT, FLOAT)).toBe(false);
    expect(isSubtype(FLOAT, INT)).toBe(false);
    expect(isSubtype(ANY, INT)).toBe(false);
  });

  it("makes data the supertype of the types without machine references", () => {
    expect(isSubtype(named(["key", STRING], ["value", INT]), DATA)).toBe(true);
    expect(isSubtype(named(["key", STRING], ["client", MACHINE]), DATA)).toBe(false);
    expect(isSubtype(seqOf(client), DATA)).toBe(false);
    expect(isSubtype(mapOf(INT, seqOf(EVENT)), DATA)).toBe(true);
    expect(isSubtype(ANY, DATA)).toBe(false);
    expect(isData(color)).toBe(true);
  });

  it("lets null into the nullable types only", () => {
    for (const t of [MACHINE, EVENT, client, iface, DATA, ANY]) expect(isSubtype(NULL, t)).toBe(true);
    for (const t of [INT, BOOL, STRING, color, seqOf(INT), tupleOf([INT])]) expect(isSubtype(NULL, t)).toBe(false);
  });

  it("relates machine types to machine and to themselves only", () => {
    expect(isSubtype(client, MACHINE)).toBe(true);
    expect(isSubtype(MACHINE, client)).toBe(false);
    expect(isSubtype(client, server)).toBe(false);
    expect(isSubtype(iface, MACHINE)).toBe(true);
    expect(isSubtype({ kind: "MachineRef", name: "IServer", of: "machine" }, iface)).toBe(false);
  });

  it("is covariant in tuples and collections, and keeps tuples and named tuples apart", () => {
    expect(isSubtype(seqOf(client), seqOf(MACHINE))).toBe(true);
    expect(isSubtype(setOf(MACHINE), setOf(client))).toBe(false);
    expect(isSubtype(mapOf(INT, client), mapOf(INT, ANY))).toBe(true);
    expect(isSubtype(tupleOf([INT, client]), tupleOf([INT, MACHINE]))).toBe(true);
    expect(isSubtype(tupleOf([INT]), tupleOf([INT, INT]))).toBe(false);
    expect(isSubtype(named(["a", INT], ["b", client]), named(["a", INT], ["b", ANY]))).toBe(true);
    expect(isSubtype(named(["a", INT], ["b", INT]), named(["b", INT], ["a", INT]))).toBe(false);
    expect(isSubtype(tupleOf([INT]), named(["a", INT]))).toBe(false);
    expect(isSubtype(named(["a", INT]), tupleOf([INT]))).toBe(false);
  });

  it("relates the error type to everything", () => {
    expect(isSubtype(ERROR, INT)).toBe(true);
    expect(isSubtype(seqOf(INT), ERROR)).toBe(true);
    expect(isSubtype(seqOf(ERROR), seqOf(STRING))).toBe(true);
    expect(comparable(INT, ERROR)).toBe(true);
  });

  it("compares related types, and any two machine references", () => {
    expect(comparable(INT, ANY)).toBe(true);
    expect(comparable(INT, FLOAT)).toBe(false);
    expect(comparable(client, iface)).toBe(true);
    expect(comparable(client, server)).toBe(true);
    expect(comparable(client, MACHINE)).toBe(true);
    expect(comparable(seqOf(client), seqOf(iface))).toBe(false);
  });

  it("treats messages of an event as events", () => {
    const yes: Type = { kind: "Message", event: "eYes" };
    expect(isSubtype(yes, EVENT)).toBe(true);
    expect(isSubtype(EVENT, yes)).toBe(false);
  });
});

describe("printing", () => {
  it("prints types as they are written", () => {
    expect(printType(seqOf(INT))).toBe("seq[int]");
    expect(printType(mapOf(STRING, setOf(client)))).toBe("map[string, set[Client]]");
    expect(printType(tupleOf([INT]))).toBe("(int,)");
    expect(printType(tupleOf([INT, BOOL]))).toBe("(int, bool)");
    expect(printType(named(["reqId", INT]))).toBe("(reqId: int,)");
    expect(printType(named(["a", INT], ["b", color]))).toBe("(a: int, b: Color)");
  });

  it("prints aliases by name, and structure when both sides would read the same", () => {
    const req = withAlias(named(["id", INT]), "tReq");
    expect(printType(seqOf(req))).toBe("seq[tReq]");
    expect(printPair(req, named(["id", STRING]))).toEqual(["tReq", "(id: string,)"]);
    const other = withAlias(named(["id", STRING]), "tReq");
    expect(printPair(req, other)).toEqual(["(id: int,)", "(id: string,)"]);
  });
});
