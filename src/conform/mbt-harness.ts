// The side-by-side run behind model-based tests: one list of commands carried out on the
// implementation and on the model at once. The harness owns the network: messages either side
// sends wait in one pool, and the commands say which message is delivered next, lost, duplicated,
// or which machine crashes, so an interleaving is data (it shrinks and replays). After each
// delivery, the machine that took it must have sent the same messages, in the same order, in the
// implementation as in the model, and its snapshot must be the model's abstract state. The model
// may have choices: the harness keeps every model state that agrees with the implementation so
// far, and fails only when none is left. Monitors run in the model as always, and on every input.
import { NULL_EVENT } from "../ir/ir.ts";
import { dequeue, MonitorRun, newMachine, type StepRecord } from "../explore/p/exec.ts";
import type { PModel } from "../explore/p/model.ts";
import { Failure } from "../explore/p/signals.ts";
import { HALTED, IDLE, RUNNING, type MachineState, type World } from "../explore/p/world.ts";
import { ref, type Ref, type Value } from "../explore/runtime/values.ts";
import { Binding, jsonProblem, jsonToValue, matchJson, valueToJson, type ModelNames } from "./json-values.ts";
import { snapshotJson } from "./observe.ts";
import { runSpecs } from "./specs.ts";

/** A message as the implementation sends and takes it: machine ids, event name, JSON payload. */
export interface WireMessage {
  readonly from: string;
  readonly to: string;
  readonly event: string;
  readonly payload?: unknown;
}

/** What the harness needs from the implementation. */
export interface SystemUnderTest {
  /** Hands `message` to machine `message.to`; settles when its handler is done. */
  deliver(message: WireMessage): void | Promise<void>;
  /** The messages the implementation sent since the last call, in the order it sent them. */
  sent(): readonly WireMessage[];
  /** Machine `id`'s snapshot, `{ state, vars }` (maps and sets may be JavaScript Maps and Sets). */
  snapshot(id: string): unknown;
  /** Machine `id` crashes: it takes nothing from now on. */
  crash?(id: string): void | Promise<void>;
}

/** A machine of the system: its id, its model type, the payload it starts with; `external` for the environment's. */
export interface MachineSetup {
  readonly id: string;
  readonly type: string;
  readonly payload?: unknown;
  /** A machine of the environment (a client, a timer): it sends inputs and receives outputs, and is never run. */
  readonly external?: boolean;
}

/** The faults the harness may inject. Events may be listed to limit a fault to them. */
export interface Faults {
  readonly loss?: boolean | readonly string[];
  readonly duplication?: boolean | readonly string[];
  /** Messages between two machines may overtake each other (by default each pair's messages arrive in order). */
  readonly reordering?: boolean;
  /** The ids of machines that may crash. */
  readonly crash?: readonly string[];
  /** At most this many crashes in a run (by default, every machine of `crash` may crash). */
  readonly maxCrashes?: number;
  /**
   * What the model's environment does when machine `id` crashes, besides halting it: announcements
   * the monitors observe (a failure injector's), and messages it sends (a failure detector's report),
   * which wait in the pool like any other message.
   */
  readonly onCrash?: (id: string) => CrashEffects;
}

/** An announcement of the environment's, which the monitors observe. */
export interface Announcement {
  readonly event: string;
  readonly payload?: unknown;
}

/** The environment's part of a crash: see Faults.onCrash. */
export interface CrashEffects {
  readonly announce?: readonly Announcement[];
  readonly send?: readonly WireMessage[];
}

export type MbtCommand =
  | { readonly kind: "input"; readonly input: unknown }
  | { readonly kind: "deliver"; readonly pick: number }
  | { readonly kind: "lose"; readonly pick: number }
  | { readonly kind: "duplicate"; readonly pick: number }
  | { readonly kind: "crash"; readonly pick: number };

/** A problem in the test's own definition (not a failure of the implementation). */
export class MbtSetupError extends Error {}

/** A step at which the implementation and the model part. */
export class Divergence {
  readonly message: string;
  constructor(message: string) {
    this.message = message;
  }
}

export interface HarnessConfig {
  readonly model: PModel;
  readonly names: ModelNames;
  readonly machines: readonly MachineSetup[];
  readonly faults: Faults;
  readonly toMessage: (input: unknown, index: number) => WireMessage;
  /** What the environment announces to the monitors before the machines start (a test driver's announcements). */
  readonly announce?: readonly Announcement[];
  /** Runs the implementation's part of a delivery (through fast-check's scheduler, when there is one). */
  readonly settle: (work: () => void | Promise<void>) => Promise<void>;
}

interface Candidate {
  readonly world: World;
}

interface ModelSend {
  readonly to: number;
  readonly event: number;
  readonly payload: Value;
}

const MAX_STEPS_PER_DELIVERY = 10_000;

function allows(fault: boolean | readonly string[] | undefined, event: string): boolean {
  return fault === true || (Array.isArray(fault) && fault.includes(event));
}

/** Maps and sets as arrays, the way traces write them. */
export function toJson(value: unknown): unknown {
  const text = JSON.stringify(value, (_key, v: unknown) => (v instanceof Map ? [...v.entries()] : v instanceof Set ? [...v.values()] : v));
  return text === undefined ? undefined : JSON.parse(text);
}

function show(json: unknown): string {
  return json === undefined || json === null ? "" : " " + JSON.stringify(json);
}

export function describeMessage(m: WireMessage): string {
  return `${m.from} -> ${m.to}: ${m.event}${show(m.payload)}`;
}

/** One side-by-side run. `log` narrates it, a line per command and per message sent. */
export class Harness {
  readonly log: string[] = [];
  private readonly config: HarnessConfig;
  private readonly binding: Binding;
  private readonly index: ReadonlyMap<string, number>;
  private readonly pool: WireMessage[] = [];
  private readonly crashed = new Set<string>();
  private candidates: Candidate[] = [];
  /** What each candidate's machines sent since the last comparison with the implementation. */
  private sends = new Map<Candidate, ModelSend[]>();
  /** A failure some run of the model met since the last comparison (reported if no candidate is left). */
  private pendingFailure: Failure | undefined;
  private inputs = 0;
  private system: SystemUnderTest | undefined;

  constructor(config: HarnessConfig) {
    this.config = config;
    let binding = new Binding();
    config.machines.forEach((m, i) => {
      const next = binding.bind(m.id, i);
      if (next === null) throw new MbtSetupError(`machine id '${m.id}' is set up twice`);
      binding = next;
    });
    this.binding = binding;
    this.index = new Map(config.machines.map((m, i) => [m.id, i]));
  }

  private get ir() {
    return this.config.model.ctx.program.model;
  }

  private refOf = (id: string): Ref | null => {
    const n = this.index.get(id);
    return n === undefined ? null : ref(n);
  };

  private idOf = (r: Ref): string | undefined => this.config.machines[r.id]?.id;

  /** Makes the machines on both sides and runs their start states. */
  async start(system: SystemUnderTest): Promise<Divergence | undefined> {
    this.system = system;
    const { model, names } = this.config;
    const created = model.createdWorld();
    if (created instanceof Failure) throw new MbtSetupError(`the test fails before it starts: ${created.message}`);
    const machines: MachineState[] = this.config.machines.map((m) => {
      const type = this.ir.machines.find((x) => x.kind === "machine" && x.name === m.type);
      if (type === undefined) throw new MbtSetupError(`machine ${m.id}: the model has no machine type '${m.type}'`);
      const start = model.ctx.program.startPayloadType(type.id);
      if (start === undefined) {
        if (m.payload !== undefined && m.payload !== null) throw new MbtSetupError(`machine ${m.id}: a ${m.type} starts without a payload`);
        return newMachine(model.ctx.program, type.id, null);
      }
      const problem = jsonProblem(m.payload ?? null, start, names);
      if (problem !== undefined) throw new MbtSetupError(`machine ${m.id}: its start payload does not fit: ${problem}`);
      const value = jsonToValue(m.payload ?? null, start, names, this.refOf);
      if (value === undefined) throw new MbtSetupError(`machine ${m.id}: its start payload names a machine that is not set up`);
      return newMachine(model.ctx.program, type.id, value);
    });
    this.candidates = [{ world: { machines, monitors: created.monitors } }];
    for (const a of this.config.announce ?? []) {
      const d = this.announce(a);
      if (d !== undefined) return d;
    }
    for (let i = 0; i < machines.length; i++) {
      if (this.config.machines[i].external === true || machines[i].status !== RUNNING) continue;
      const d = this.runMachine(i, `${this.config.machines[i].id} starts`);
      if (d !== undefined) return d;
    }
    const sent = system.sent();
    const divergence = this.compare(undefined, sent);
    if (divergence !== undefined) return divergence;
    for (const m of sent) this.pool.push(m);
    for (let i = 0; i < machines.length; i++) {
      if (this.config.machines[i].external === true) continue;
      const d = this.compareSnapshot(i, `after ${this.config.machines[i].id} started`);
      if (d !== undefined) return d;
    }
    return undefined;
  }

  /** Carries out one command on both sides. */
  async run(command: MbtCommand, number: number): Promise<Divergence | undefined> {
    const { faults } = this.config;
    const say = (text: string) => this.log.push(`${String(number).padStart(3)}. ${text}`);
    switch (command.kind) {
      case "input": {
        this.inputs += 1;
        const message = this.config.toMessage(command.input, this.inputs);
        say(`input ${describeMessage(message)}`);
        const d = this.observeInput(message);
        if (d !== undefined) return d;
        return this.deliver(message);
      }
      case "deliver": {
        const ready = faults.reordering === true ? this.pool.map((_, i) => i) : this.channelHeads();
        if (ready.length === 0) return void say("deliver: nothing in flight");
        const at = ready[command.pick % ready.length];
        const [message] = this.pool.splice(at, 1);
        say(`deliver ${describeMessage(message)}`);
        return this.deliver(message);
      }
      case "lose":
      case "duplicate": {
        const fault = command.kind === "lose" ? faults.loss : faults.duplication;
        const open = this.pool.map((m, i) => ({ m, i })).filter(({ m }) => allows(fault, m.event));
        if (open.length === 0) return void say(`${command.kind}: nothing that may be ${command.kind === "lose" ? "lost" : "duplicated"}`);
        const { m, i } = open[command.pick % open.length];
        if (command.kind === "lose") this.pool.splice(i, 1);
        else this.pool.push(m);
        say(`${command.kind === "lose" ? "lose" : "duplicate"} ${describeMessage(m)}`);
        return undefined;
      }
      case "crash": {
        const up = (faults.crash ?? []).filter((id) => !this.crashed.has(id) && this.index.has(id));
        if (up.length === 0 || this.crashed.size >= (faults.maxCrashes ?? Infinity)) return void say("crash: no machine left that may crash");
        const id = up[command.pick % up.length];
        say(`crash ${id}`);
        this.crashed.add(id);
        await this.config.settle(() => this.system!.crash?.(id));
        const i = this.index.get(id)!;
        this.candidates = this.candidates.map(({ world }) => ({ world: withMachine(world, i, { ...world.machines[i], status: HALTED, vars: [], inbox: [], run: null }) }));
        return this.crashEffects(faults.onCrash?.(id));
      }
    }
  }

  /** The environment's part of a crash: the monitors observe its announcements, and its messages join the pool. */
  private crashEffects(effects: CrashEffects | undefined): Divergence | undefined {
    for (const a of effects?.announce ?? []) {
      this.log.push(`       announce ${a.event}${show(a.payload)}`);
      const d = this.announce(a);
      if (d !== undefined) return d;
    }
    for (const m of effects?.send ?? []) {
      if (!this.index.has(m.from) || !this.index.has(m.to)) throw new MbtSetupError(`crash report ${describeMessage(m)}: its sender and receiver must be machines that are set up`);
      this.log.push(`       ${m.from} sends ${m.event}${show(m.payload)} to ${m.to}`);
      this.pool.push(m);
    }
    return undefined;
  }

  private announce(a: Announcement): Divergence | undefined {
    return this.observe(a.event, a.payload, `announcement ${a.event}`, "announcement");
  }

  /** Messages that may be delivered next without reordering: the oldest of each sender-receiver pair. */
  private channelHeads(): number[] {
    const seen = new Set<string>();
    const heads: number[] = [];
    this.pool.forEach((m, i) => {
      const channel = `${m.from}\u0000${m.to}`;
      if (!seen.has(channel)) {
        seen.add(channel);
        heads.push(i);
      }
    });
    return heads;
  }

  /** The environment sends `message`: the monitors observe it. */
  private observeInput(message: WireMessage): Divergence | undefined {
    if (!this.index.has(message.to)) throw new MbtSetupError(`input ${describeMessage(message)}: '${message.to}' is not a machine that is set up`);
    return this.observe(message.event, message.payload, `input ${describeMessage(message)}`, "input");
  }

  /** The monitors observe `event`: an input, or an announcement of the environment's (`what` names it in messages). */
  private observe(eventName: string, json: unknown, what: string, role: "input" | "announcement"): Divergence | undefined {
    const { names, model } = this.config;
    const event = names.eventId(eventName);
    if (event === undefined || event === NULL_EVENT) throw new MbtSetupError(`${what}: the model has no event '${eventName}'`);
    const type = this.ir.events[event].payload;
    if (type !== undefined) {
      const problem = jsonProblem(json ?? null, type, names);
      if (problem !== undefined) throw new MbtSetupError(`${what}: the payload does not fit: ${problem}`);
    }
    const payload = type === undefined ? null : jsonToValue(json, type, names, this.refOf);
    if (payload === undefined) throw new MbtSetupError(`${what}: the payload names a machine that is not set up`);
    const ctx = model.ctx;
    const next: Candidate[] = [];
    let failure: Failure | undefined;
    for (const { world } of this.candidates) {
      const monitors = world.monitors.slice();
      ctx.names.use(world);
      let failed = false;
      for (const position of ctx.observers[event] ?? []) {
        const runner = new MonitorRun(ctx, ctx.test.specs[position], monitors[position]);
        try {
          runner.handle(event, payload);
        } catch (error) {
          const f = runner.wrap(error);
          if (!(f instanceof Failure)) throw f;
          failure ??= f;
          failed = true;
          break;
        }
        monitors[position] = { state: runner.state, vars: runner.V };
      }
      if (!failed) next.push({ world: { machines: world.machines, monitors } });
    }
    if (next.length === 0 && failure !== undefined) return new Divergence(`the ${role} breaks a spec: ${failure.kind}: ${failure.message}`);
    this.candidates = next;
    return undefined;
  }

  /** Delivers `message` on both sides and compares what the receiver did. */
  private async deliver(message: WireMessage): Promise<Divergence | undefined> {
    if (this.crashed.has(message.to)) {
      this.log.push(`       (dropped: ${message.to} has crashed)`);
      return undefined;
    }
    const i = this.index.get(message.to);
    if (i === undefined || this.config.machines[i].external === true) {
      this.log.push(`       (${message.to} receives it)`);
      return undefined;
    }
    const { names } = this.config;
    const event = names.eventId(message.event);
    if (event === undefined) return new Divergence(`${message.from} sent ${message.event}, which is not an event of the model`);
    const type = this.ir.events[event].payload;
    const value = type === undefined ? null : jsonToValue(message.payload ?? null, type, names, this.refOf);
    if (value === undefined) return new Divergence(`the payload of ${describeMessage(message)} names a machine that is not set up`);
    try {
      await this.config.settle(() => this.system!.deliver(message));
    } catch (error) {
      return new Divergence(`${message.to} threw while handling ${message.event}: ${(error as Error).stack ?? String(error)}`);
    }
    const before = this.candidates[0].world;
    this.candidates = this.candidates.map(({ world }) => ({
      world: withMachine(world, i, { ...world.machines[i], inbox: [...world.machines[i].inbox, { event, payload: value }] }),
    }));
    const sent = this.system!.sent();
    for (const m of sent) this.log.push(`       ${m.from} sends ${m.event}${show(toJson(m.payload))} to ${m.to}`);
    const divergence =
      this.runMachine(i, `${message.to} handles ${message.event}`) ??
      this.compare(i, sent, before) ??
      this.compareSnapshot(i, `after ${message.to} handled ${message.event}`);
    if (divergence !== undefined) return divergence;
    this.pool.push(...sent);
    return undefined;
  }

  /** Runs machine `i` in every candidate until it has nothing left to do; keeps what each sent. */
  private runMachine(i: number, what: string): Divergence | undefined {
    const { model } = this.config;
    const done: Candidate[] = [];
    const sends = new Map<Candidate, ModelSend[]>();
    let failure: Failure | undefined;
    let frontier: { world: World; sent: ModelSend[] }[] = this.candidates.map((c) => ({ world: c.world, sent: this.sends.get(c) ?? [] }));
    for (let steps = 0; frontier.length > 0; steps++) {
      if (steps > MAX_STEPS_PER_DELIVERY) return new Divergence(`${what}: the model's machine does not settle after ${MAX_STEPS_PER_DELIVERY} steps`);
      const next: typeof frontier = [];
      for (const f of frontier) {
        if (!busy(model, f.world.machines[i])) {
          const c = { world: f.world };
          done.push(c);
          sends.set(c, f.sent);
          continue;
        }
        model.forEachStep(
          f.world,
          (machine: number, after: World | undefined, fail: Failure | undefined, record: StepRecord | undefined) => {
            if (machine !== i) return;
            if (fail !== undefined) {
              failure ??= fail;
              return;
            }
            if (record!.creates.length > 0) throw new MbtSetupError(`${what}: the model creates a machine, which model-based tests do not support`);
            let world = after!;
            const sent = f.sent.slice();
            for (const s of record!.sends) {
              sent.push({ to: s.target, event: s.event, payload: s.payload });
              // The message goes into the harness's pool, not straight into the receiver's inbox.
              const target = world.machines[s.target];
              if (target !== undefined && target.status !== HALTED) world = withMachine(world, s.target, { ...target, inbox: target.inbox.slice(0, -1) });
            }
            next.push({ world, sent });
          },
          true,
        );
      }
      frontier = next;
    }
    if (done.length === 0) {
      return new Divergence(failure === undefined ? `${what}: the model cannot go on` : `${what}: the model fails: ${failure.kind}: ${failure.message}`);
    }
    this.candidates = done;
    this.sends = sends;
    if (failure !== undefined) this.pendingFailure = failure;
    return undefined;
  }

  /**
   * Keeps the candidates whose machines sent what the implementation sent. When none is left,
   * says how they differ, and runs the specs on the implementation's messages from `before`.
   */
  private compare(i: number | undefined, sent: readonly WireMessage[], before?: World): Divergence | undefined {
    const { names } = this.config;
    const keep = this.candidates.filter((c) => {
      const mine = this.sends.get(c) ?? [];
      if (mine.length !== sent.length) return false;
      return mine.every((s, k) => {
        const m = sent[k];
        if (this.index.get(m.to) !== s.to || names.eventId(m.event) !== s.event) return false;
        const type = this.ir.events[s.event].payload;
        if (type === undefined) return true;
        if (jsonProblem(toJson(m.payload) ?? null, type, names) !== undefined) return false;
        return matchJson(s.payload, type, toJson(m.payload) ?? null, names, this.binding) !== null;
      });
    });
    if (keep.length > 0) {
      this.candidates = keep;
      this.sends = new Map();
      this.pendingFailure = undefined;
      return undefined;
    }
    const who = i === undefined ? "the machines" : this.config.machines[i].id;
    const model = (this.sends.get(this.candidates[0]) ?? []).map((s) => this.describeSend(s));
    const impl = sent.map((m) => `${m.event}${show(toJson(m.payload))} to ${m.to}`);
    const lines = [
      `${who} sent what the model does not:`,
      `  the implementation sent: ${impl.length === 0 ? "nothing" : impl.join("; ")}`,
      `  the model sends:         ${model.length === 0 ? "nothing" : model.join("; ")}${this.candidates.length > 1 ? ` (or one of ${this.candidates.length - 1} other choices)` : ""}`,
    ];
    if (this.pendingFailure !== undefined) lines.push(`  and where the model could have sent it, it fails: ${this.pendingFailure.kind}: ${this.pendingFailure.message}`);
    const broken = before === undefined ? undefined : this.specsOn(before, sent);
    if (broken !== undefined) lines.push(`  the implementation's messages break ${broken}`);
    return new Divergence(lines.join("\n"));
  }

  /** The first spec the implementation's messages break, run from the monitors of `world`. */
  private specsOn(world: World, sent: readonly WireMessage[]): string | undefined {
    const { names, model } = this.config;
    const messages: { event: number; payload: Value }[] = [];
    for (const m of sent) {
      const event = names.eventId(m.event);
      if (event === undefined) continue;
      const type = this.ir.events[event].payload;
      const json = toJson(m.payload) ?? null;
      if (type !== undefined && jsonProblem(json, type, names) !== undefined) continue;
      const payload = type === undefined ? null : jsonToValue(json, type, names, this.refOf);
      if (payload !== undefined) messages.push({ event, payload });
    }
    const found = runSpecs(model, world, messages, (n) => this.config.machines[n]?.id);
    return found === undefined ? undefined : `spec ${found.failure.spec ?? "?"}: ${found.failure.kind}: ${found.failure.message}`;
  }

  private describeSend(s: ModelSend): string {
    const type = this.ir.events[s.event].payload;
    const payload = type === undefined ? "" : show(valueToJson(s.payload, type, this.config.names, this.idOf));
    return `${this.ir.events[s.event].name}${payload} to ${this.config.machines[s.to]?.id ?? `#${s.to}`}`;
  }

  /** Keeps the candidates whose machine `i` is in the state the implementation's snapshot shows. */
  private compareSnapshot(i: number, when: string): Divergence | undefined {
    const { names } = this.config;
    const id = this.config.machines[i].id;
    const snap = toJson(this.system!.snapshot(id));
    const problem = snapshotProblem(snap, this.candidates[0].world.machines[i], names);
    if (problem !== undefined) return new Divergence(`${when}: the snapshot of ${id} does not fit the model: ${problem}`);
    const s = snap as { state: string; vars: Record<string, unknown> };
    const keep = this.candidates.filter((c) => {
      const m = c.world.machines[i];
      if (m.status === HALTED) return false;
      const type = this.ir.machines[m.type];
      if (type.states[m.state].name !== s.state) return false;
      return type.vars.every((v, slot) => matchJson(m.vars[slot], v.type, s.vars[v.name], names, this.binding) !== null);
    });
    if (keep.length > 0) {
      this.candidates = keep;
      return undefined;
    }
    const m = this.candidates[0].world.machines[i];
    const expected = m.status === HALTED ? "halted" : snapshotJson(m, names, this.idOf);
    const differing =
      typeof expected === "string"
        ? []
        : Object.keys(expected.vars).filter((name) => JSON.stringify(expected.vars[name]) !== JSON.stringify(s.vars[name]));
    return new Divergence(
      [
        `${when}, ${id} is not in the model's state:`,
        `  the implementation: ${JSON.stringify(s)}`,
        `  the model:          ${JSON.stringify(expected)}`,
        ...(differing.length === 0 ? [] : [`  (they differ in ${differing.join(", ")})`]),
      ].join("\n"),
    );
  }
}

function snapshotProblem(snap: unknown, m: MachineState, names: ModelNames): string | undefined {
  if (typeof snap !== "object" || snap === null || Array.isArray(snap)) return "a snapshot is an object { state, vars }";
  const s = snap as Record<string, unknown>;
  const type = names.model.machines[m.type];
  if (typeof s.state !== "string" || !type.states.some((x) => x.name === s.state)) return `'${String(s.state)}' is not a state of ${type.name}`;
  const vars = s.vars;
  if (typeof vars !== "object" || vars === null || Array.isArray(vars)) return "'vars' must be an object";
  for (const v of type.vars) {
    if (!(v.name in vars)) return `variable '${v.name}' is missing`;
    const p = jsonProblem((vars as Record<string, unknown>)[v.name], v.type, names, v.name);
    if (p !== undefined) return p;
  }
  const extra = Object.keys(vars).find((k) => !type.vars.some((v) => v.name === k));
  return extra === undefined ? undefined : `${type.name} has no variable '${extra}'`;
}

/** Whether machine `m` has something to do without new input: a handler to finish, or an event it can take. */
function busy(model: PModel, m: MachineState): boolean {
  if (m.status === HALTED) return false;
  if (m.status === RUNNING) return m.run!.waiting === null || m.inbox.some((msg) => m.run!.waiting!.includes(msg.event));
  if (m.status !== IDLE) return false;
  const d = dequeue(model.ctx, m);
  return d.kind === "drop" || (d.kind === "event" && d.message.event !== NULL_EVENT);
}

function withMachine(world: World, i: number, m: MachineState): World {
  const machines = world.machines.slice();
  machines[i] = m;
  return { machines, monitors: world.monitors };
}
