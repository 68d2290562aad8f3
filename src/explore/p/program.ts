// A model compiled for execution: the generated functions, the tables they index, and per-state
// lookups (is an event handled, deferred or ignored here) precomputed as flat arrays. Built once
// per model; shared by every test of it.
import type { ModelIR } from "../../ir/ir.ts";
import type { Type } from "../../types/types.ts";
import { StringTable } from "../runtime/encode.ts";
import { defaultValue, type Value } from "../runtime/values.ts";
import { builtins, type Builtins } from "./builtins.ts";
import { generateProgram, type CodeTables } from "./codegen.ts";

/** A compiled function: `(rt, V, ...params) => value`. */
export type CompiledFunction = (rt: unknown, vars: Value[] | null, ...args: Value[]) => Value | undefined;

export const HANDLED = 1;
export const DEFERRED = 2;
export const IGNORED = 4;

export class CompiledProgram {
  readonly model: ModelIR;
  readonly functions: readonly (CompiledFunction | null)[];
  readonly tables: CodeTables;
  readonly strings = new StringTable();
  /** `flags[machine][state][event]`: HANDLED, DEFERRED, IGNORED bits. */
  readonly flags: readonly (readonly Uint8Array[])[];
  /** Lowest value of each enum, by name: the default of enum types. */
  private readonly enumDefaults: ReadonlyMap<string, number>;
  private readonly enumValues: ReadonlyMap<string, ReadonlySet<number>>;
  private readonly defaults = new Map<Type, Value>();

  constructor(model: ModelIR) {
    this.model = model;
    this.tables = { constants: [], spans: [], receives: [] };
    this.enumDefaults = new Map(model.enums.map((e) => [e.name, Math.min(...e.elements.map((x) => x.value))]));
    const source = generateProgram(model, this.tables, Object.keys(builtins), (t) => this.defaultOf(t));
    // The generated source contains no text from the model (see codegen.ts).
    const build = new Function("K", "R", source) as (k: unknown[], r: Builtins) => (CompiledFunction | null)[];
    this.functions = build(this.tables.constants, builtins);
    this.enumValues = new Map(model.enums.map((e) => [e.name, new Set(e.elements.map((x) => x.value))]));
    this.flags = model.machines.map((m) =>
      m.states.map((s) => {
        const f = new Uint8Array(model.events.length);
        s.handlers.forEach((h, e) => {
          if (h !== undefined) f[e] |= HANDLED;
        });
        for (const e of s.deferred) f[e] |= DEFERRED;
        for (const e of s.ignored) f[e] |= IGNORED;
        return f;
      }),
    );
  }

  defaultOf(type: Type): Value {
    let v = this.defaults.get(type);
    if (v === undefined && !this.defaults.has(type)) {
      v = defaultValue(type, (name) => this.enumDefaults.get(name) ?? 0);
      this.defaults.set(type, v);
    }
    return v as Value;
  }

  isEnumValue(enumName: string, value: number): boolean {
    return this.enumValues.get(enumName)?.has(value) ?? false;
  }

  /** The type of a machine's start payload, when its start state's entry takes one. */
  startPayloadType(machine: number): Type | undefined {
    const m = this.model.machines[machine];
    const entry = m.states[m.start]?.entry;
    const fn = entry === undefined ? undefined : this.model.functions[entry];
    return fn !== undefined && fn.paramCount > 0 ? fn.locals[0].type : undefined;
  }
}
