// The model's safety properties, checked on the service's own state once it is quiet (no request
// running, every transaction completed): what a test runs after a scenario, next to the history
// check of what the clients saw.
//
// - Decision stability: in the ledger's file, a transaction's status goes from PENDING to one
//   decision and never changes again.
// - Atomicity: a write installed on an item belongs to a COMMITTED transaction, and a completed
//   COMMITTED transaction has installed its write on every item it writes.
import { readFileSync } from "node:fs";
import type { Service } from "./service.ts";
import type { TxRecord } from "./ledger.ts";

export function audit(service: Service): string[] {
  const problems: string[] = [];
  const decided = new Map<string, string>();
  for (const line of readFileSync(service.ledger.file, "utf8").split("\n")) {
    if (line === "") continue;
    const record = JSON.parse(line) as TxRecord;
    const earlier = decided.get(record.tx);
    if (earlier !== undefined && earlier !== record.status) {
      problems.push(`decision stability: ${record.tx} went from ${earlier} to ${record.status}`);
    }
    if (record.status !== "PENDING") decided.set(record.tx, record.status);
  }
  const nodes = new Map(service.nodes.map((n) => [n.id, n]));
  for (const record of service.ledger.records()) {
    if (!record.completed) {
      problems.push(`liveness: ${record.tx} is not completed`);
      continue;
    }
    for (const item of record.items) {
      const bar = item.indexOf("|");
      const node = nodes.get(item.slice(0, bar));
      const applied = node?.wasApplied(record.tx, item.slice(bar + 1)) ?? false;
      if (applied && record.status !== "COMMITTED") problems.push(`atomicity: ${record.tx} is ${record.status} but its write on ${item} was installed`);
      if (!applied && record.status === "COMMITTED" && node?.writes(record.tx, item.slice(bar + 1))) {
        problems.push(`atomicity: ${record.tx} is COMMITTED but its write on ${item} was never installed`);
      }
    }
  }
  return problems;
}
