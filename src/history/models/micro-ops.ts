// The micro-operations of a transaction of the txn-kv model.
import type { MicroOp } from "../format.ts";
import type { Call } from "../model.ts";

/** Its result when known (reads carry the values read), else its arguments. */
export function microOps(call: Call): readonly MicroOp[] {
  return (call.result ?? call.args) as unknown as readonly MicroOp[];
}
