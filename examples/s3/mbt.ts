// Model-based tests of the metadata layer: fast-check sends PUTs, DELETEs and GETs from a writer
// and a reader, fails witnesses and cache partitions, and delivers the messages between the
// machines in any order that keeps each pair's messages in order; after each delivery, the machine
// that took it must have sent what the model's sends, in the same order, and be in the model's
// state. The journal is the real one (examples/journal's chain, in memory): the harness hands it
// the index's commits and a recovering witness's rebuild like any machine, and it answers once the
// chain has the entry; its head crashes at the second commit of every run, which the model does
// not see. Run them with
//   pith conform specs/s3-strong-consistency/PSrc specs/s3-strong-consistency/PSpec specs/s3-strong-consistency/PTst \
//     --mbt examples/s3/mbt.ts --test "WitnessFailure(nPartitions=2,nWitnesses=1,writeQuorum=1,nKeys=1,readers=1,writes=1,reads=2,lists=0,witnessFaults=1,cacheFaults=0)"
// or from vitest (test/specs/s3-service-conformance.test.ts). LISTs are left out: the read
// replica applies in the background (the model's `on null` step), outside any delivery.
import fc from "fast-check";
import { defineMbt, type SystemUnderTest, type WireMessage } from "../../src/conform/mbt.ts";
import { Random } from "../journal/memory-network.ts";
import type { Bug } from "./bugs.ts";
import type { Machine, Outbox } from "./bus.ts";
import { CachePartition } from "./cache.ts";
import { FrontEnd } from "./frontend.ts";
import { machineId, type EventName, type JournalCommitPayload, type MachineId, type WitnessRebuildPayload } from "./generated.ts";
import { Index } from "./index.ts";
import { IndexJournal } from "./index-journal.ts";
import { FAULTS as INJECTOR, INDEX, JOURNAL, type FrontEndConfig } from "./metadata.ts";
import { Catalog } from "./records.ts";
import { Witness } from "./witness.ts";

const WITNESSES = [machineId("witness-1")];
const PARTITIONS = [machineId("cache-1"), machineId("cache-2")];
const FRONT_ENDS = [machineId("frontend-1"), machineId("frontend-2")];
const CLIENTS = [machineId("client-1"), machineId("client-2")];
const CONFIG: FrontEndConfig = { partitions: new Set(PARTITIONS), witnesses: WITNESSES, readQuorum: 1, index: INDEX, replica: null };
const INDEX_CONFIG = { journal: JOURNAL, witnesses: WITNESSES, writeQuorum: 1, replica: null };

/** The journal as a machine the harness delivers to: each answer is sent once the chain has the entry. */
class JournalMachine {
  readonly #journal: Promise<IndexJournal>;
  readonly #catalog = new Catalog();
  readonly #out: Outbox;
  #commits = 0;
  /** The model's journal's variables: the last sequence number, and each key's. */
  #last = 0;
  readonly #latest = new Map<number, number>();

  constructor(out: Outbox, seed: number) {
    this.#out = out;
    this.#journal = IndexJournal.start({ nodes: 3, seed });
    this.#catalog.keyId("0");
  }

  async deliver(event: EventName, payload: unknown): Promise<void> {
    const journal = await this.#journal;
    if (event === "eJournalCommit") {
      const c = payload as JournalCommitPayload;
      if (++this.#commits === 2) await journal.crashNode(0);
      const seqNo = await journal.append(this.#catalog.record(c.write.key, c.write.value, c.write.deleted));
      this.#last = seqNo;
      this.#latest.set(c.write.key, seqNo);
      this.#out.send(c.index, "eJournalCommitted", { frontEnd: c.frontEnd, reqId: c.reqId, key: c.write.key, version: { seqNo, value: c.write.value, deleted: c.write.deleted } });
    } else {
      const r = payload as WitnessRebuildPayload;
      const latest = new Map<number, number>();
      for (const { seq, record } of await journal.read()) latest.set(this.#catalog.keyId(record.key), seq);
      this.#out.send(r.witness, "eWitnessRebuildResp", { attempt: r.attempt, latest });
    }
  }

  snapshot() {
    return { state: "Committing", vars: { last: this.#last, latest: this.#latest } };
  }
}

/** The metadata layer with a network the harness owns: what the machines send waits in an outbox. */
class MetadataUnderTest implements SystemUnderTest {
  readonly #outbox: WireMessage[] = [];
  readonly #machines = new Map<string, Machine>();
  readonly #journal: JournalMachine;

  constructor(bug: Bug | undefined, seed: number) {
    const out = (from: string): Outbox => ({ send: (to, event, payload) => void this.#outbox.push({ from, to, event, payload }) });
    for (const id of WITNESSES) this.#machines.set(id, new Witness(id, JOURNAL, out(id)));
    this.#machines.set(INDEX, new Index(INDEX, INDEX_CONFIG, out(INDEX), { bug }));
    for (const id of PARTITIONS) this.#machines.set(id, new CachePartition(out(id), bug === "blind-cache-install"));
    const random = new Random(seed);
    for (const id of FRONT_ENDS) this.#machines.set(id, new FrontEnd(id, CONFIG, out(id), random, bug));
    this.#journal = new JournalMachine(out(JOURNAL), seed);
  }

  async deliver(message: WireMessage): Promise<void> {
    const event = message.event as EventName;
    if (message.to === JOURNAL) return this.#journal.deliver(event, message.payload);
    const machine = this.#machines.get(message.to);
    if (machine === undefined) throw new Error(`no machine ${message.to}`);
    if (machine.disposition(event) === "handle") machine.handle(event, message.payload);
  }

  sent(): readonly WireMessage[] {
    return this.#outbox.splice(0);
  }

  /** Whether front end `id` can take a request (the model's clients wait for each answer). */
  idle(id: MachineId): boolean {
    return (this.#machines.get(id) as FrontEnd).idle;
  }

  snapshot(id: string): unknown {
    return id === JOURNAL ? this.#journal.snapshot() : this.#machines.get(id)?.snapshot();
  }
}

type Input =
  | { readonly op: "put" | "delete" | "get"; readonly client: 0 | 1 }
  | { readonly op: "fail"; readonly target: MachineId };

export function metadataTests(options: { readonly bug?: Bug } = {}) {
  const { bug } = options;
  let runs = 0;
  let current: MetadataUnderTest | undefined;
  return defineMbt<Input>({
    name: bug === undefined ? "metadata layer" : `metadata layer with bug ${bug}`,
    machines: [
      ...WITNESSES.map((id) => ({ id, type: "Witness", payload: JOURNAL })),
      { id: INDEX, type: "Index", payload: INDEX_CONFIG },
      ...PARTITIONS.map((id) => ({ id, type: "CachePartition" })),
      // Payloads in their JSON form: a set as an array.
      ...FRONT_ENDS.map((id) => ({ id, type: "FrontEnd", payload: { ...CONFIG, partitions: PARTITIONS } })),
      { id: JOURNAL, type: "Journal" },
      ...CLIENTS.map((id, i) => ({ id, type: "Client", payload: { frontEnd: FRONT_ENDS[i], firstId: 101 + 100 * i, script: [] }, external: true })),
      { id: INJECTOR, type: "FaultInjector", payload: { witnesses: WITNESSES, partitions: PARTITIONS, witnessFaults: 0, cacheFaults: 0 }, external: true },
    ],
    inputs: fc.oneof(
      { weight: 6, arbitrary: fc.record({ op: fc.constantFrom("put" as const, "delete" as const, "get" as const, "get" as const), client: fc.constantFrom(0 as const, 1 as const) }) },
      { weight: 1, arbitrary: fc.record({ op: fc.constant("fail" as const), target: fc.constantFrom(...WITNESSES, ...PARTITIONS) }) },
    ),
    // Request ids count the run's inputs, so every request (and every PUT's value) is new. A
    // request goes to an idle front end, as a client sends only once it has its last answer;
    // with none idle, the client asks a partition instead, which changes nothing.
    toMessage: (input, n) => {
      if (input.op === "fail") return { from: INJECTOR, to: input.target, event: input.target.startsWith("witness") ? "eWitnessFail" : "eCacheFail" };
      const client = CLIENTS[input.client];
      const to = [FRONT_ENDS[input.client], FRONT_ENDS[1 - input.client]].find((fe) => current!.idle(fe));
      if (to === undefined) return { from: client, to: PARTITIONS[0], event: "eCacheLookup", payload: { frontEnd: client, reqId: n, key: 0 } };
      if (input.op === "put") return { from: client, to, event: "ePut", payload: { client, reqId: n, key: 0, value: n } };
      if (input.op === "delete") return { from: client, to, event: "eDelete", payload: { client, reqId: n, key: 0 } };
      return { from: client, to, event: "eGet", payload: { client, reqId: n, key: 0 } };
    },
    maxCommands: 40,
    system: () => (current = new MetadataUnderTest(bug, ++runs)),
  });
}

export default metadataTests();
