// Merging the traces of a run of several processes into one trace for `pith conform`. Each process
// records its own machines' lines in its own file, in the order they happened there; the clocks of
// different processes are not comparable, so the merge orders lines across files by cause and
// effect instead: a message is handled after it was sent.
//
// The rule. Each file is cut into steps: a step ends with a `handle` line (the sends and
// announcements of a handler come before its line), and a `create` line begins one, with what the
// machine's start sends after it. The trace does not say where a start ends and the next handler's
// sends begin: the start is taken to be the longest run of those lines that may go when the
// create does (rule 2 below). Steps keep their order within a file and are never split
// otherwise. A step may go next when
//   1. every message it handles has been sent by a step already placed, unless no file records
//      a send of that message at all (it came from a machine the run does not record: a client,
//      a failure detector); and
//   2. every message it sends to a recorded machine comes, in the order in which that machine
//      handles its messages, after the messages already sent to it (P's inbox takes a machine's
//      messages in the order they were sent).
// When no step meets both, the first that meets rule 1 goes (the receiver kept a message back:
// P's defer). Among the steps that may go, the one whose first line has the earliest `time` goes
// first, so that the merged trace reads like the run; time never overrides the rules. A file whose
// process was killed may end part way through a step: those lines are left out (a host sends a
// step's messages only once the step is done, so they reached no one).
//
// A message is known by its receiver, event and payload; identical messages are matched to the
// receiver's handle lines in order. The merged lines are numbered afresh (`seq`), drop `time`, and
// say where each came from (`source`: file and line).

export interface TraceSource {
  /** The file's name, for `source` fields and messages. */
  readonly name: string;
  readonly text: string;
}

export interface MergedTrace {
  /** The merged trace, NDJSON. */
  readonly text: string;
  /** How many lines it has. */
  readonly lines: number;
  /** Lines left out: steps cut short at the end of a file. */
  readonly dropped: number;
  /** The files that end with a step cut short, and how many lines of each were left out. */
  readonly cutShort: readonly { readonly file: string; readonly lines: number }[];
}

/** A trace that cannot be merged: a line that is not a trace line, or steps no order can place. */
export class TraceMergeError extends Error {}

interface Line {
  readonly fields: Record<string, unknown>;
  readonly source: string;
}

interface Step {
  readonly lines: readonly Line[];
  readonly time: number;
}

type Key = string;

function messageKey(to: unknown, event: unknown, payload: unknown): Key {
  return JSON.stringify([to, event, payload ?? null]);
}

/** A step of `lines`, at the time of its first line. */
function step(lines: readonly Line[]): Step {
  const t = lines[0].fields.time;
  return { lines, time: typeof t === "number" ? t : typeof t === "string" ? Date.parse(t) : NaN };
}

/** The lines of one file, cut into steps. */
function stepsOf(source: TraceSource): { steps: Step[]; dropped: number } {
  const steps: Step[] = [];
  let current: Line[] = [];
  const close = () => {
    if (current.length === 0) return;
    steps.push(step(current));
    current = [];
  };
  source.text.split("\n").forEach((text, i) => {
    if (text.trim() === "") return;
    let fields: unknown;
    try {
      fields = JSON.parse(text);
    } catch {
      throw new TraceMergeError(`${source.name}:${i + 1}: not a JSON line`);
    }
    if (typeof fields !== "object" || fields === null || Array.isArray(fields) || typeof (fields as Record<string, unknown>).kind !== "string") {
      throw new TraceMergeError(`${source.name}:${i + 1}: not a trace line (a JSON object with a 'kind')`);
    }
    const line = { fields: fields as Record<string, unknown>, source: `${source.name}:${i + 1}` };
    // A create line ends the step before it, and is a step by itself when the machine's start sends nothing.
    if (line.fields.kind === "create" || (line.fields.kind === "handle" && current.length === 1 && current[0].fields.kind === "create")) close();
    current.push(line);
    if (line.fields.kind === "handle") close();
  });
  // A last step without its handle line was cut short, unless it is a machine's start.
  if (current.length > 0 && current[0].fields.kind !== "create") return { steps, dropped: current.length };
  close();
  return { steps, dropped: 0 };
}

/** A step that begins with a `create` and ends with a `handle`: the machine's start and its first handler, not told apart. */
function isStartWithHandler(step: Step): boolean {
  return step.lines[0].fields.kind === "create" && step.lines.at(-1)!.fields.kind === "handle";
}

/** Splits such a step after the longest run of lines that may go now: that run is the start. */
function splitStart(whole: Step, fits: (s: Step) => boolean): Step[] {
  let j = whole.lines.length - 1;
  while (j > 1 && !fits(step(whole.lines.slice(0, j)))) j--;
  return [step(whole.lines.slice(0, j)), step(whole.lines.slice(j))];
}

/** Merges the traces of the processes of one run (see the rule above). */
export function mergeTraces(sources: readonly TraceSource[]): MergedTrace {
  const files = sources.map(stepsOf);
  const all = files.flatMap((f) => f.steps.flatMap((s) => s.lines));
  const sentSomewhere = new Set(all.filter((l) => l.fields.kind === "send").map((l) => messageKey(l.fields.to, l.fields.event, l.fields.payload)));
  const handleKey = (l: Line) => messageKey(l.fields.machine, l.fields.event, l.fields.payload);
  // Each machine's handled messages that some file sends, in the order it handles them.
  const handled = new Map<string, Key[]>();
  for (const l of all) {
    if (l.fields.kind !== "handle" || !sentSomewhere.has(handleKey(l))) continue;
    const machine = String(l.fields.machine);
    if (!handled.has(machine)) handled.set(machine, []);
    handled.get(machine)!.push(handleKey(l));
  }
  /** Per machine: which of its handled messages have been sent already. */
  const matched = new Map<string, boolean[]>([...handled].map(([m, keys]) => [m, keys.map(() => false)]));
  /** Where a send of `key` to `to` falls among the messages `to` handles: the first of them not sent yet (nor in `also`), or -1. */
  const placeOf = (to: string, key: Key, also: ReadonlySet<number> = new Set()): number => {
    const done = matched.get(to);
    return handled.get(to)?.findIndex((k, i) => k === key && !done![i] && !also.has(i)) ?? -1;
  };
  /** Messages sent and not yet handled, by key. */
  const inFlight = new Map<Key, number>();

  const fits = (step: Step, keepOrder: boolean): boolean => {
    const taken = new Map<Key, number>();
    const marked = new Map<string, Set<number>>();
    for (const l of step.lines) {
      if (l.fields.kind === "handle") {
        const key = handleKey(l);
        if (!sentSomewhere.has(key)) continue;
        const used = (taken.get(key) ?? 0) + 1;
        if ((inFlight.get(key) ?? 0) < used) return false;
        taken.set(key, used);
      } else if (l.fields.kind === "send" && keepOrder) {
        const to = String(l.fields.to);
        const mine = marked.get(to) ?? new Set<number>();
        const at = placeOf(to, messageKey(l.fields.to, l.fields.event, l.fields.payload), mine);
        if (at < 0) continue;
        const done = matched.get(to)!;
        if (done.slice(0, at).some((sent, i) => !sent && !mine.has(i))) return false;
        marked.set(to, mine.add(at));
      }
    }
    return true;
  };

  const place = (step: Step, out: Line[]) => {
    for (const l of step.lines) {
      out.push(l);
      if (l.fields.kind === "send") {
        const key = messageKey(l.fields.to, l.fields.event, l.fields.payload);
        inFlight.set(key, (inFlight.get(key) ?? 0) + 1);
        const at = placeOf(String(l.fields.to), key);
        if (at >= 0) matched.get(String(l.fields.to))![at] = true;
      } else if (l.fields.kind === "handle") {
        const key = handleKey(l);
        if (sentSomewhere.has(key)) inFlight.set(key, (inFlight.get(key) ?? 0) - 1);
      }
    }
  };

  const next = files.map(() => 0);
  const out: Line[] = [];
  for (;;) {
    files.forEach((f, i) => {
      const step = f.steps[next[i]];
      if (step !== undefined && isStartWithHandler(step) && !fits(step, true)) f.steps.splice(next[i], 1, ...splitStart(step, (s) => fits(s, true)));
    });
    const heads = files.map((f, i) => ({ file: i, step: f.steps[next[i]] })).filter((h) => h.step !== undefined);
    if (heads.length === 0) break;
    const byTime = heads.sort((a, b) => a.step.time - b.step.time || a.file - b.file);
    const chosen = byTime.find((h) => fits(h.step, true)) ?? byTime.find((h) => fits(h.step, false));
    if (chosen === undefined) {
      const stuck = heads.map((h) => `${h.step.lines.at(-1)!.source} (${String(h.step.lines.at(-1)!.fields.machine)} handles ${String(h.step.lines.at(-1)!.fields.event)})`);
      throw new TraceMergeError(`no order of the traces has every message sent before it is handled; the next steps wait for messages no file sends first: ${stuck.join(", ")}`);
    }
    place(chosen.step, out);
    next[chosen.file]++;
  }
  const text = out.map((l, i) => {
    const fields: Record<string, unknown> = { ...l.fields, seq: i + 1, source: l.source };
    delete fields.time;
    return JSON.stringify(fields);
  });
  const cutShort = files.flatMap((f, i) => (f.dropped > 0 ? [{ file: sources[i].name, lines: f.dropped }] : []));
  return { text: text.length === 0 ? "" : text.join("\n") + "\n", lines: out.length, dropped: files.reduce((n, f) => n + f.dropped, 0), cutShort };
}
