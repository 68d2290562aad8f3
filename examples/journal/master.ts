// The configuration manager (the master): machine Master of specs/replicated-journal/PSrc/master.p.
// It assigns each node its place in the chain, and when it learns that a node crashed, removes it
// and tells the node's neighbours (a new head, a new tail, or the successor of a middle node that
// must introduce itself to its new predecessor), then tells the clients the new chain when the head
// or the tail changed; a restarted node that asks to join is added after the tail. A real deployment replicates it (with Paxos or Raft); here it is one
// machine, as in the model. What tells it of crashes is the failure detector of the deployment:
// the exit of a node's process in the local cluster, the test in the in-process one.
import { dispatch, type CrashedPayload, type JoinPayload, type MachineId, type MasterHandlers, type MasterState } from "./generated.ts";
import type { Disposition, Hosted, Outbox } from "./host.ts";
import type { Message } from "./transport.ts";

export interface MasterOptions {
  readonly chain: readonly MachineId[];
  readonly clients: readonly MachineId[];
  readonly out: Outbox;
}

export class ConfigurationManager implements MasterHandlers, Hosted {
  readonly #out: Outbox;
  #state: MasterState = "Init";
  #chain: MachineId[];
  readonly #clients: MachineId[];
  #epoch = 0;

  constructor(options: MasterOptions) {
    this.#chain = [...options.chain];
    this.#clients = [...options.clients];
    this.#out = options.out;
  }

  /** The start of the model's Master: configures every node, head first. */
  start(): void {
    this.#chain.forEach((node, i) => {
      this.#out.send(node, "eConfigure", { pred: this.#chain[i - 1] ?? null, succ: this.#chain[i + 1] ?? null });
    });
    this.#state = "Serving";
  }

  get chain(): readonly MachineId[] {
    return this.#chain;
  }

  disposition(event: string): Disposition {
    if (this.#state === "Serving" && (event === "eCrashed" || event === "eJoin")) return "handle";
    throw new Error(`the master in ${this.#state} cannot take ${event}`);
  }

  handle(message: Message): void | Promise<void> {
    return dispatch("Master", this, message.event as never, message.payload);
  }

  onCrashed(node: CrashedPayload): void {
    const i = this.#chain.indexOf(node);
    if (i < 0) throw new Error(`${node} is not in the chain`);
    this.#chain.splice(i, 1);
    this.#epoch++;
    if (this.#chain.length === 0) return;
    if (i === 0) {
      this.#out.send(this.#chain[0], "eNewPred", { pred: null, epoch: this.#epoch });
    } else if (i === this.#chain.length) {
      this.#out.send(this.#chain[i - 1], "eBecomeTail", this.#epoch);
    } else {
      this.#out.send(this.#chain[i], "eNewPred", { pred: this.#chain[i - 1], epoch: this.#epoch });
      return;
    }
    this.#sendView();
  }

  /** A restarted node joins after the tail, its predecessor; clients send reads to it from now on. */
  onJoin(node: JoinPayload): void {
    this.#chain.push(node);
    this.#epoch++;
    this.#out.send(node, "eNewPred", { pred: this.#chain[this.#chain.length - 2], epoch: this.#epoch });
    this.#sendView();
  }

  #sendView(): void {
    for (const client of this.#clients) this.#out.send(client, "eView", [...this.#chain]);
  }

  snapshot() {
    return { state: this.#state, vars: { chain: [...this.#chain], clients: [...this.#clients], epoch: this.#epoch } };
  }
}
