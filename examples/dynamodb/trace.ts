// The service's trace, for `pith conform`: the steps of its storage nodes as lines of the model of
// specs/dynamodb-transactions, written through the recorder `pith gen ts` generated. A storage node
// given this trace reports each step (storage-node.ts); this class writes it as the model has it.
//
// The service's messages carry real keys, items and timestamps where the model has numbers, so
// the lines are made with an abstraction the run supplies: which model item a key is, and what an
// action of a TransactWriteItems request is in the model's terms (see conformance.ts). The storage
// nodes are the machines the trace records; the model's other machines (clients, router,
// coordinators, ledger) are left for `pith conform` to find.
import { machineId, type EventName, type TraceRecorder, type tVote, type tWrite } from "./generated.ts";
import type { NodeMessages, NodeReplies, NodeTrace, Prepared, PrepareRequest, Vote } from "./storage-node.ts";
import type { Item } from "./values.ts";

export interface Abstraction {
  /** The model's number of the item a storage node keeps under `key`. */
  item(key: string): number;
  /** An action of a TransactWriteItems request (one entry of TransactItems), as the model writes it. */
  write(source: unknown): tWrite;
  /** An item's value and whether it exists, as the model has them. */
  value(item: Item | undefined): { readonly value: number; readonly exists: boolean };
}

const VOTES: Record<Exclude<Vote, { ok: true }>["why"], tVote> = {
  prepared: "VOTE_CONFLICT",
  condition: "VOTE_CONDITION_FAILED",
  timestamp: "VOTE_TIMESTAMP",
  // The model has no such refusals: a trace that has one does not conform, and says so.
  cancelled: "VOTE_CONFLICT",
  unanswered: "VOTE_CONFLICT",
};

export class ServiceTrace implements NodeTrace {
  readonly #recorder: TraceRecorder;
  readonly #abstraction: Abstraction;

  constructor(recorder: TraceRecorder, abstraction: Abstraction) {
    this.#recorder = recorder;
    this.#abstraction = abstraction;
  }

  /** Records the storage nodes' creation, each with the model items it keeps. */
  created(nodes: ReadonlyMap<string, readonly number[]>): void {
    for (const [id, items] of nodes) this.#recorder.create("StorageNode", machineId(id), items);
  }

  #write(request: PrepareRequest): tWrite {
    return this.#abstraction.write((request as PrepareRequest & { source: unknown }).source);
  }

  announce(node: string, _event: "eItemWritten", { installed }: { readonly key: string; readonly installed: Prepared }): void {
    const write = this.#write(installed.request);
    const { value, exists } = this.#abstraction.value(installed.write.after);
    this.#recorder.announce(machineId(node), "eItemWritten", { item: write.item, txId: Number(installed.tx), ts: installed.ts, write, value, exists });
  }

  send<E extends keyof NodeReplies>(node: string, to: string, event: E, reply: NodeReplies[E]): void {
    const r = this.#recorder;
    const [from, target] = [machineId(node), machineId(to)];
    const a = this.#abstraction;
    switch (event) {
      case "ePrepareResponse": {
        const { request, vote } = reply as NodeReplies["ePrepareResponse"];
        return r.send(from, target, "ePrepareResponse", { txId: Number(request.tx), item: a.item(request.key), vote: vote.ok ? "VOTE_YES" : VOTES[vote.why] });
      }
      case "eCommitResponse":
      case "eCancelResponse": {
        const { tx, key } = reply as NodeReplies["eCommitResponse"];
        return r.send(from, target, event as "eCommitResponse" | "eCancelResponse", { txId: Number(tx), item: a.item(key) });
      }
      case "eGetItemResponse": {
        const { key, value } = reply as NodeReplies["eGetItemResponse"];
        return r.send(from, target, "eGetItemResponse", { item: a.item(key), ...a.value(value) });
      }
      case "ePutItemResponse":
      case "eDeleteItemResponse": {
        const { request, ok } = reply as NodeReplies["ePutItemResponse"];
        return r.send(from, target, event as "ePutItemResponse" | "eDeleteItemResponse", { item: a.item(request.key), ok });
      }
      default:
        throw new Error(`${event} is not traced: the model numbers read transactions, which the service does not`);
    }
  }

  handle<E extends EventName>(node: string, event: E, message: NodeMessages[E]): void {
    const r = this.#recorder;
    const id = machineId(node);
    const a = this.#abstraction;
    switch (event) {
      case "ePrepare": {
        const request = message as PrepareRequest;
        return r.handle("StorageNode", id, "ePrepare", { coordinator: machineId(request.from), txId: Number(request.tx), ts: request.ts, write: this.#write(request) });
      }
      case "eCommit":
      case "eCancel": {
        const { from, tx, key } = message as NodeMessages["eCommit"];
        return r.handle("StorageNode", id, event as "eCommit", { coordinator: machineId(from), txId: Number(tx), item: a.item(key) });
      }
      case "eGetItem":
      case "eDeleteItem": {
        const { from, key } = message as NodeMessages["eGetItem"];
        return r.handle("StorageNode", id, event as "eGetItem", { client: machineId(from), item: a.item(key) });
      }
      case "ePutItem": {
        const request = message as NodeMessages["ePutItem"];
        return r.handle("StorageNode", id, "ePutItem", { client: machineId(request.from), item: a.item(request.key), value: a.value(request.compute(undefined)).value });
      }
      default:
        throw new Error(`${event} is not traced: the model numbers read transactions, which the service does not`);
    }
  }
}
