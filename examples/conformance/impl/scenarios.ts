// Runs of the store that record a trace, one per scenario. Each follows what the model's
// environment does (test.p): one client makes three requests, one at a time, the n-th writing the
// value n, and the retransmission timer fires at most once. The traces in ../traces are these runs,
// written by test/conform/example.test.ts; `pith conform` checks them against the model.
import type { Bug } from "./bugs.ts";
import { TraceRecorder } from "./generated.ts";
import { Store } from "./store.ts";

export interface Scenario {
  readonly description: string;
  run(store: Store): Promise<void>;
}

export const SCENARIOS: Readonly<Record<string, Scenario>> = {
  "write-then-read": {
    description: "a write, a read of the same key, and a write of another key",
    async run(store) {
      const client = store.client("client-1");
      client.write(0, 1);
      await store.network.run();
      client.read(0);
      await store.network.run();
      client.write(1, 3);
      await store.network.run();
    },
  },
  retransmit: {
    description: "the timer fires while a write waits for the backup: the backup gets it twice and acknowledges it twice",
    async run(store) {
      const client = store.client("client-1");
      client.write(1, 1);
      await store.network.step(); // the primary sends the write to the backup
      store.tick();
      await store.network.run();
      client.read(1);
      await store.network.run();
      client.read(0);
      await store.network.run();
    },
  },
  "read-before-write": {
    description: "reads of keys nobody has written, then a write",
    async run(store) {
      const client = store.client("client-1");
      client.read(1);
      await store.network.run();
      client.read(0);
      await store.network.run();
      client.write(1, 3);
      await store.network.run();
    },
  },
};

/** Runs scenario `name` (with `bug`, if any) and returns its trace: NDJSON, times counting from 1. */
export async function recordScenario(name: string, bug?: Bug): Promise<string> {
  const scenario = SCENARIOS[name];
  if (scenario === undefined) throw new Error(`no scenario '${name}'`);
  const lines: string[] = [];
  let time = 0;
  const store = new Store({ trace: new TraceRecorder((line) => lines.push(line), () => ++time), bug });
  await scenario.run(store);
  return lines.join("\n") + "\n";
}
