// Names for values in traces and messages: events and enum elements by name, machines as
// `Client(2)` (type and creation number). Machine types come from the world being shown.
import type { ModelIR } from "../../ir/ir.ts";
import type { Ref } from "../runtime/values.ts";
import type { World } from "./world.ts";

export class Names {
  private readonly model: ModelIR;
  private world: World | undefined;

  constructor(model: ModelIR) {
    this.model = model;
  }

  /** The world whose machines `machine` describes. */
  use(world: World): this {
    this.world = world;
    return this;
  }

  event(id: number): string {
    return this.model.events[id]?.name ?? `event(${id})`;
  }

  enumElement(enumName: string, value: number): string {
    const e = this.model.enums.find((x) => x.name === enumName);
    return e?.elements.find((x) => x.value === value)?.name ?? String(value);
  }

  machine(ref: Ref): string {
    const type = this.world?.machines[ref.id]?.type;
    return `${type === undefined ? "machine" : this.model.machines[type].name}(${ref.id})`;
  }

  machineAt(index: number, type: number): string {
    return `${this.model.machines[type].name}(${index})`;
  }
}
