// The journal as the metadata layer's machines see it (machine Journal of the model, journal.p, an
// atomic commit): the index's commits are appended to the replicated journal of examples/journal
// and answered with their sequence numbers; a recovering witness is answered with the latest
// sequence number of every key, read back from the journal. Rebuilds can be held back, to keep
// witnesses recovering for a while.
import type { Bus } from "./bus.ts";
import type { EventName, JournalCommitPayload, MachineId, WitnessRebuildPayload } from "./generated.ts";
import type { IndexJournal } from "./index-journal.ts";
import type { Catalog } from "./records.ts";

export class JournalEndpoint {
  readonly id: MachineId;
  readonly #journal: IndexJournal;
  readonly #catalog: Catalog;
  readonly #bus: Bus;
  #held: WitnessRebuildPayload[] | undefined;
  /**
   * Answers leave in the order their requests came, as from the model's atomic journal: a commit's
   * after the commits before it, a rebuild's after every commit before it (whose writes it reads).
   */
  #answered: Promise<void> = Promise.resolve();

  constructor(id: MachineId, journal: IndexJournal, catalog: Catalog, bus: Bus) {
    this.id = id;
    this.#journal = journal;
    this.#catalog = catalog;
    this.#bus = bus;
    bus.external(id, (event, payload) => this.#receive(event, payload));
  }

  /** Rebuild requests wait until `release` is called. */
  hold(): void {
    this.#held ??= [];
  }

  release(): void {
    const held = this.#held ?? [];
    this.#held = undefined;
    for (const r of held) this.#then(() => this.#rebuild(r));
  }

  #receive(event: EventName, payload: unknown): void {
    if (event === "eJournalCommit") {
      const c = payload as JournalCommitPayload;
      const appended = this.#journal.append(this.#catalog.record(c.write.key, c.write.value, c.write.deleted));
      this.#then(async () => this.#committed(c, await appended));
    } else if (event === "eWitnessRebuild") {
      const r = payload as WitnessRebuildPayload;
      if (this.#held !== undefined) this.#held.push(r);
      else this.#then(() => this.#rebuild(r));
    } else throw new Error(`the journal does not take ${event}`);
  }

  #then(answer: () => Promise<void> | void): void {
    this.#answered = this.#answered.then(answer);
  }

  #committed(c: JournalCommitPayload, seqNo: number): void {
    this.#bus.inject(this.id, c.index, "eJournalCommitted", {
      frontEnd: c.frontEnd,
      reqId: c.reqId,
      key: c.write.key,
      version: { seqNo, value: c.write.value, deleted: c.write.deleted },
    });
  }

  async #rebuild(r: WitnessRebuildPayload): Promise<void> {
    const latest = new Map<number, number>();
    for (const { seq, record } of await this.#journal.read()) latest.set(this.#catalog.keyId(record.key), seq);
    this.#bus.inject(this.id, r.witness, "eWitnessRebuildResp", { attempt: r.attempt, latest });
  }
}
