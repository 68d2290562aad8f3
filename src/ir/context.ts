// What lowering needs while it walks one function: the checked program's tables, the ids the
// program-level pass assigned (events, machines, states, functions), and where the code is.
import type { NodeId } from "../ast/nodes.ts";
import type { Symbol } from "../names/symbols.ts";
import type { CheckedProgram, FunctionInfo } from "../types/program.ts";
import { ERROR, type Type } from "../types/types.ts";
import type { EventId, FunctionId, MachineId, StateIndex } from "./ir.ts";

export interface Ids {
  readonly events: ReadonlyMap<string, EventId>;
  readonly machines: ReadonlyMap<string, MachineId>;
  /** `Machine.State` to the state's index. */
  readonly states: ReadonlyMap<string, StateIndex>;
  /** FunDecl or AnonFunction node id to function id. */
  readonly functions: ReadonlyMap<NodeId, FunctionId>;
  readonly params: ReadonlyMap<string, number>;
}

export class LowerContext {
  readonly checked: CheckedProgram;
  readonly ids: Ids;
  /** The function being lowered (undefined for invariants and other verification conditions). */
  readonly fn: FunctionInfo | undefined;
  /** The machine whose variables `var` refers to. */
  readonly machine: string | undefined;
  /** Binder lists of the quantifiers around the expression being lowered, innermost last. */
  readonly quantifiers: NodeId[] = [];

  constructor(checked: CheckedProgram, ids: Ids, fn: FunctionInfo | undefined, machine: string | undefined) {
    this.checked = checked;
    this.ids = ids;
    this.fn = fn;
    this.machine = machine;
  }

  symbol(id: NodeId): Symbol | undefined {
    return this.checked.symbols.get(id);
  }

  exprType(id: NodeId): Type {
    return this.checked.exprTypes.get(id) ?? ERROR;
  }

  typeOf(typeExprId: NodeId): Type {
    return this.checked.typeExprTypes.get(typeExprId) ?? ERROR;
  }

  event(name: string): EventId {
    const id = this.ids.events.get(name);
    if (id === undefined) throw new Error(`lowering: unknown event ${name}`);
    return id;
  }

  machineId(name: string): MachineId {
    const id = this.ids.machines.get(name);
    if (id === undefined) throw new Error(`lowering: unknown machine ${name}`);
    return id;
  }

  state(machine: string, state: string): StateIndex {
    const index = this.ids.states.get(`${machine}.${state}`);
    if (index === undefined) throw new Error(`lowering: unknown state ${machine}.${state}`);
    return index;
  }

  functionId(node: NodeId): FunctionId {
    const id = this.ids.functions.get(node);
    if (id === undefined) throw new Error(`lowering: unknown function node ${node}`);
    return id;
  }

  /** How many receive-case levels separate the current function from the function `owner`. */
  depthOf(owner: NodeId): number {
    // Outside any function (a pure function's body), parameters are the only locals.
    if (this.fn === undefined) return 0;
    let depth = 0;
    for (let f: FunctionInfo | undefined = this.fn; f !== undefined; f = f.enclosing, depth++) if (f.id === owner) return depth;
    throw new Error(`lowering: variable owner ${owner} is not an enclosing function`);
  }
}
