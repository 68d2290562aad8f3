// Benchmark of the front end on a large model: a deterministic generator writes a realistic model
// of about 10,000 lines (many subsystems, each a small distributed protocol of one of five shapes:
// a replicated key-value store, a lock service, two-phase commit, a token ring and a message
// broker; each with its events, types, machines, helper functions, specs and tests, and names,
// sizes and optional parts drawn from a seeded random generator). The benchmark times parsing,
// checking and lowering it in this process, and `pith typecheck` on it as a fresh process (start-up
// included), which is what a user waits for. The model's templates make up most of this file; they
// stay next to the measurement because the figures mean nothing without the exact input.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { SourceFile } from "../src/diagnostics/source.ts";
import { lowerProgram } from "../src/ir/lower.ts";
import { parseProgram } from "../src/syntax/parse.ts";
import { checkProgram } from "../src/types/check.ts";
import type { Benchmark, Figure } from "./run.ts";

export const MODEL_LINES = 10_000;
export const MODEL_SEED = 2024;
/** The front end should take a 10,000-line model in under a second. */
const TARGET_TOTAL_MS = 1000;

/** A small seeded generator (mulberry32), so the model is the same on every run and machine. */
class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
}

const WORDS = ["Ledger", "Lease", "Shard", "Cache", "Quorum", "Gossip", "Session", "Ticket", "Bank", "Stock", "Router", "Mailbox", "Registry", "Batch", "Barrier", "Beacon"];

/** Helper functions over the collections every machine keeps; each shape calls some of them. */
interface Helper {
  readonly name: string;
  readonly lines: string[];
  /** An int expression that calls it on a `seq[int]`. */
  readonly call: (seq: string) => string;
}

function helpers(r: Random, p: string): Helper[] {
  const k = r.int(2, 9);
  const all: Helper[] = [
    {
      name: `${p}Total`,
      call: (xs) => `${p}Total(${xs})`,
      lines: [
        `fun ${p}Total(xs: seq[int]): int {`,
        `    var sum: int;`,
        `    var x: int;`,
        `    foreach (x in xs) {`,
        `        sum = sum + x${r.chance(0.5) ? ` % ${k * 10}` : ""};`,
        `    }`,
        `    return sum;`,
        `}`,
      ],
    },
    {
      name: `${p}Largest`,
      call: (xs) => `${p}Largest(${xs})`,
      lines: [
        `fun ${p}Largest(xs: seq[int]): int {`,
        `    var best: int;`,
        `    var i: int;`,
        `    best = -1;`,
        `    while (i < sizeof(xs)) {`,
        `        if (xs[i] > best) {`,
        `            best = xs[i];`,
        `        }`,
        `        i = i + 1;`,
        `    }`,
        `    return best;`,
        `}`,
      ],
    },
    {
      name: `${p}Buckets`,
      call: (xs) => `sizeof(${p}Buckets(${xs}))`,
      lines: [
        `fun ${p}Buckets(xs: seq[int]): map[int, int] {`,
        `    var counts: map[int, int];`,
        `    var x: int;`,
        `    foreach (x in xs) {`,
        `        if (x % ${k} in counts) {`,
        `            counts[x % ${k}] = counts[x % ${k}] + 1;`,
        `        } else {`,
        `            counts += (x % ${k}, 1);`,
        `        }`,
        `    }`,
        `    return counts;`,
        `}`,
      ],
    },
    {
      name: `${p}Distinct`,
      call: (xs) => `${p}Distinct(${xs})`,
      lines: [
        `fun ${p}Distinct(xs: seq[int]): int {`,
        `    var seen: set[int];`,
        `    var x: int;`,
        `    foreach (x in xs) {`,
        `        if (!(x in seen)) {`,
        `            seen += (x);`,
        `        }`,
        `    }`,
        `    return sizeof(seen);`,
        `}`,
      ],
    },
    {
      name: `${p}Backoff`,
      call: (xs) => `${p}Backoff(${xs})`,
      lines: [
        `fun ${p}Backoff(attempts: seq[int]): int {`,
        `    var delay: int;`,
        `    var n: int;`,
        `    delay = 1;`,
        `    n = sizeof(attempts);`,
        `    while (n > 0 && delay < ${k * 16}) {`,
        `        delay = delay * 2;`,
        `        n = n - 1;`,
        `    }`,
        `    return delay;`,
        `}`,
      ],
    },
  ];
  return all.filter(() => r.chance(0.6));
}

/** The state of the generator while writing one subsystem. */
interface Writer {
  readonly r: Random;
  /** The subsystem's prefix, e.g. `Ledger12`: every name in it starts with it. */
  readonly p: string;
  readonly out: string[];
  readonly helpers: Helper[];
}

/** `x = Helper(log);` statements: calls of the subsystem's helpers on a `seq[int]` variable. */
function helperCalls(w: Writer, target: string, log: string, indent: string): string[] {
  return w.helpers.filter(() => w.r.chance(0.5)).map((h) => `${indent}${target} = ${target} + ${h.call(log)};`);
}

function kvStore(w: Writer): void {
  const { r, p, out } = w;
  const replicas = r.chance(0.6);
  const clients = r.int(2, 4);
  out.push(
    `enum ${p}Status { ${p}Ok, ${p}Missing, ${p}Stale }`,
    `type ${p}Req = (client: ${p}Client, key: int, value: int, id: int);`,
    `type ${p}Answer = (key: int, status: ${p}Status, value: int, id: int);`,
    `event ${p}Put: ${p}Req;`,
    `event ${p}Get: ${p}Req;`,
    `event ${p}Resp: ${p}Answer;`,
    ...(replicas ? [`event ${p}Sync: (version: int, entries: map[int, int]);`] : []),
    ``,
    `machine ${p}Server receives ${p}Put, ${p}Get${replicas ? `, ${p}Sync` : ""}; sends ${p}Resp${replicas ? `, ${p}Sync` : ""}; {`,
    `    var store: map[int, int];`,
    `    var versions: map[int, int];`,
    `    var log: seq[int];`,
    `    var version: int;`,
    ...(replicas ? [`    var peers: seq[${p}Server];`] : []),
    ``,
    `    start state Init {`,
    ...(replicas ? [`        entry (replicas: seq[${p}Server]) {`, `            peers = replicas;`] : [`        entry {`]),
    `            goto Serving;`,
    `        }`,
    `    }`,
    ``,
    `    state Serving {`,
    `        on ${p}Put do (req: ${p}Req) {`,
    `            store[req.key] = req.value;`,
    `            versions[req.key] = version;`,
    `            log += (sizeof(log), req.key);`,
    `            version = version + 1;`,
    `            send req.client, ${p}Resp, (key = req.key, status = ${p}Ok, value = req.value, id = req.id);`,
    ...(replicas ? [`            if (version % ${r.int(2, 5)} == 0) {`, `                Broadcast();`, `            }`] : []),
    `        }`,
    `        on ${p}Get do (req: ${p}Req) {`,
    `            if (req.key in store) {`,
    `                send req.client, ${p}Resp, (key = req.key, status = ${p}Ok, value = store[req.key], id = req.id);`,
    `            } else {`,
    `                send req.client, ${p}Resp, (key = req.key, status = ${p}Missing, value = -1, id = req.id);`,
    `            }`,
    `        }`,
    ...(replicas
      ? [
          `        on ${p}Sync do (s: (version: int, entries: map[int, int])) {`,
          `            var k: int;`,
          `            if (s.version > version) {`,
          `                foreach (k in keys(s.entries)) {`,
          `                    store[k] = s.entries[k];`,
          `                }`,
          `                version = s.version;`,
          `            }`,
          `        }`,
        ]
      : []),
    `    }`,
    ...(replicas
      ? [
          ``,
          `    fun Broadcast() {`,
          `        var peer: ${p}Server;`,
          `        foreach (peer in peers) {`,
          `            send peer, ${p}Sync, (version = version, entries = store);`,
          `        }`,
          `    }`,
        ]
      : []),
    `}`,
    ``,
    `machine ${p}Client receives ${p}Resp; sends ${p}Put, ${p}Get; {`,
    `    var server: ${p}Server;`,
    `    var pending: set[int];`,
    `    var results: map[int, ${p}Status];`,
    `    var next: int;`,
    `    var log: seq[int];`,
    `    var score: int;`,
    ``,
    `    start state Init {`,
    `        entry (s: ${p}Server) {`,
    `            server = s;`,
    `            goto Working;`,
    `        }`,
    `    }`,
    ``,
    `    state Working {`,
    `        entry {`,
    `            while (next < ${r.int(2, 6)}) {`,
    `                if ($) {`,
    `                    send server, ${p}Put, (client = this, key = next % ${r.int(2, 4)}, value = next * ${r.int(2, 9)}, id = next);`,
    `                } else {`,
    `                    send server, ${p}Get, (client = this, key = next % ${r.int(2, 4)}, value = 0, id = next);`,
    `                }`,
    `                pending += (next);`,
    `                next = next + 1;`,
    `            }`,
    `        }`,
    `        on ${p}Resp do (resp: ${p}Answer) {`,
    `            results[resp.id] = resp.status;`,
    `            pending -= resp.id;`,
    `            log += (sizeof(log), resp.value);`,
    ...helperCalls(w, "score", "log", "            "),
    `            if (sizeof(pending) == 0) {`,
    `                goto Done;`,
    `            }`,
    `        }`,
    `    }`,
    ``,
    `    state Done {`,
    `        entry {`,
    `            assert sizeof(results) == next, format("{0} answers for {1} requests", sizeof(results), next);`,
    `        }`,
    `        ignore ${p}Resp;`,
    `    }`,
    `}`,
    ``,
    `spec ${p}ReadYourWrites observes ${p}Resp {`,
    `    var written: map[int, int];`,
    `    start state Watching {`,
    `        on ${p}Resp do (resp: ${p}Answer) {`,
    `            if (resp.status == ${p}Ok && resp.key in written) {`,
    `                assert resp.value >= 0, "a read returned a negative value";`,
    `            }`,
    `            written[resp.key] = resp.value;`,
    `        }`,
    `    }`,
    `}`,
    ``,
    `machine ${p}Main {`,
    `    start state Start {`,
    `        entry {`,
    `            var server: ${p}Server;`,
    `            var i: int;`,
    ...(replicas
      ? [
          `            var replicas: seq[${p}Server];`,
          `            while (i < ${r.int(1, 3)}) {`,
          `                replicas += (i, new ${p}Server(default(seq[${p}Server])));`,
          `                i = i + 1;`,
          `            }`,
          `            i = 0;`,
          `            server = new ${p}Server(replicas);`,
        ]
      : [`            server = new ${p}Server();`]),
    `            while (i < ${clients}) {`,
    `                new ${p}Client(server);`,
    `                i = i + 1;`,
    `            }`,
    `        }`,
    `    }`,
    `}`,
    ``,
    `module ${p}System = { ${p}Server, ${p}Client, ${p}Main };`,
    `test ${p}Basic [main=${p}Main]: assert ${p}ReadYourWrites in ${p}System;`,
  );
}

function lockService(w: Writer): void {
  const { r, p, out } = w;
  const holders = r.int(2, 5);
  out.push(
    `event ${p}Acquire: ${p}Client;`,
    `event ${p}Release: ${p}Client;`,
    `event ${p}Granted: int;`,
    `event ${p}Held: (client: ${p}Client, token: int);`,
    `event ${p}Freed: int;`,
    ``,
    `machine ${p}Lock {`,
    `    var holder: ${p}Client;`,
    `    var waiting: seq[${p}Client];`,
    `    var token: int;`,
    `    var log: seq[int];`,
    ``,
    `    start state Free {`,
    `        on ${p}Acquire goto Taken with (c: ${p}Client) {`,
    `            Grant(c);`,
    `        }`,
    `        ignore ${p}Release;`,
    `    }`,
    ``,
    `    state Taken {`,
    `        on ${p}Acquire do (c: ${p}Client) {`,
    `            waiting += (sizeof(waiting), c);`,
    `        }`,
    `        on ${p}Release do (c: ${p}Client) {`,
    `            assert c == holder, "released by a client that does not hold the lock";`,
    `            announce ${p}Freed, token;`,
    `            if (sizeof(waiting) > 0) {`,
    `                Grant(waiting[0]);`,
    `                waiting -= 0;`,
    `            } else {`,
    `                goto Free;`,
    `            }`,
    `        }`,
    `    }`,
    ``,
    `    fun Grant(c: ${p}Client) {`,
    `        holder = c;`,
    `        token = token + 1;`,
    `        log += (sizeof(log), token);`,
    `        announce ${p}Held, (client = c, token = token);`,
    `        send c, ${p}Granted, token;`,
    `    }`,
    `}`,
    ``,
    `machine ${p}Client {`,
    `    var lock: ${p}Lock;`,
    `    var rounds: int;`,
    `    var tokens: seq[int];`,
    `    var score: int;`,
    ``,
    `    start state Init {`,
    `        entry (l: ${p}Lock) {`,
    `            lock = l;`,
    `            goto Asking;`,
    `        }`,
    `    }`,
    ``,
    `    state Asking {`,
    `        entry {`,
    `            send lock, ${p}Acquire, this;`,
    `        }`,
    `        on ${p}Granted goto Holding with (t: int) {`,
    `            tokens += (sizeof(tokens), t);`,
    ...helperCalls(w, "score", "tokens", "            "),
    `        }`,
    `    }`,
    ``,
    `    state Holding {`,
    `        entry {`,
    `            rounds = rounds + 1;`,
    `            send lock, ${p}Release, this;`,
    `            if (rounds < ${r.int(1, 3)} && $$) {`,
    `                goto Asking;`,
    `            }`,
    `            goto Finished;`,
    `        }`,
    `    }`,
    ``,
    `    state Finished {`,
    `        ignore ${p}Granted;`,
    `    }`,
    `}`,
    ``,
    `spec ${p}MutualExclusion observes ${p}Held, ${p}Freed {`,
    `    var held: bool;`,
    `    var last: int;`,
    `    start state Watching {`,
    `        on ${p}Held do (h: (client: ${p}Client, token: int)) {`,
    `            assert !held, format("token {0} granted while {1} is held", h.token, last);`,
    `            held = true;`,
    `            last = h.token;`,
    `        }`,
    `        on ${p}Freed do (t: int) {`,
    `            held = false;`,
    `        }`,
    `    }`,
    `}`,
    ``,
    `spec ${p}Progress observes ${p}Held, ${p}Freed {`,
    `    start cold state Idle {`,
    `        on ${p}Held goto Busy;`,
    `        ignore ${p}Freed;`,
    `    }`,
    `    hot state Busy {`,
    `        on ${p}Freed goto Idle;`,
    `        ignore ${p}Held;`,
    `    }`,
    `}`,
    ``,
    `machine ${p}Main {`,
    `    start state Start {`,
    `        entry {`,
    `            var lock: ${p}Lock;`,
    `            var i: int;`,
    `            lock = new ${p}Lock();`,
    `            while (i < ${holders}) {`,
    `                new ${p}Client(lock);`,
    `                i = i + 1;`,
    `            }`,
    `        }`,
    `    }`,
    `}`,
    ``,
    `test ${p}Locks [main=${p}Main]: assert ${p}MutualExclusion, ${p}Progress in { ${p}Lock, ${p}Client, ${p}Main };`,
  );
}

function twoPhaseCommit(w: Writer): void {
  const { r, p, out } = w;
  const participants = r.int(2, 4);
  out.push(
    `event ${p}Prepare: (coordinator: ${p}Coordinator, txn: int);`,
    `event ${p}Vote: (participant: ${p}Participant, txn: int, yes: bool);`,
    `event ${p}Decide: (txn: int, commit: bool);`,
    `event ${p}Outcome: (txn: int, commit: bool);`,
    ``,
    `param ${p}Count: int;`,
    ``,
    `machine ${p}Coordinator {`,
    `    var participants: set[${p}Participant];`,
    `    var yes: set[${p}Participant];`,
    `    var txn: int;`,
    `    var history: seq[int];`,
    `    var score: int;`,
    ``,
    `    start state Init {`,
    `        entry {`,
    `            var i: int;`,
    `            while (i < ${participants}) {`,
    `                participants += (new ${p}Participant());`,
    `                i = i + 1;`,
    `            }`,
    `            goto Collecting;`,
    `        }`,
    `    }`,
    ``,
    `    state Collecting {`,
    `        entry {`,
    `            var q: ${p}Participant;`,
    `            yes = default(set[${p}Participant]);`,
    `            foreach (q in participants) {`,
    `                send q, ${p}Prepare, (coordinator = this, txn = txn);`,
    `            }`,
    `        }`,
    `        on ${p}Vote do (v: (participant: ${p}Participant, txn: int, yes: bool)) {`,
    `            if (v.txn != txn) {`,
    `                return;`,
    `            }`,
    `            if (!v.yes) {`,
    `                Decide(false);`,
    `            } else {`,
    `                yes += (v.participant);`,
    `                if (sizeof(yes) == sizeof(participants)) {`,
    `                    Decide(true);`,
    `                }`,
    `            }`,
    `        }`,
    `    }`,
    ``,
    `    state Finished {`,
    `        ignore ${p}Vote;`,
    `    }`,
    ``,
    `    fun Decide(commit: bool) {`,
    `        var q: ${p}Participant;`,
    `        foreach (q in participants) {`,
    `            send q, ${p}Decide, (txn = txn, commit = commit);`,
    `        }`,
    `        announce ${p}Outcome, (txn = txn, commit = commit);`,
    `        history += (sizeof(history), txn);`,
    ...helperCalls(w, "score", "history", "        "),
    `        txn = txn + 1;`,
    `        if (txn < ${r.int(1, 3)}) {`,
    `            goto Collecting;`,
    `        }`,
    `        goto Finished;`,
    `    }`,
    `}`,
    ``,
    `machine ${p}Participant {`,
    `    var committed: seq[int];`,
    `    var aborted: seq[int];`,
    ``,
    `    start state Ready {`,
    `        on ${p}Prepare do (m: (coordinator: ${p}Coordinator, txn: int)) {`,
    `            send m.coordinator, ${p}Vote, (participant = this, txn = m.txn, yes = ${r.chance(0.5) ? "$" : "choose(10) > 2"});`,
    `        }`,
    `        on ${p}Decide do (d: (txn: int, commit: bool)) {`,
    `            if (d.commit) {`,
    `                committed += (sizeof(committed), d.txn);`,
    `            } else {`,
    `                aborted += (sizeof(aborted), d.txn);`,
    `            }`,
    `        }`,
    `    }`,
    `}`,
    ``,
    `spec ${p}Atomicity observes ${p}Outcome {`,
    `    var decided: map[int, bool];`,
    `    start state Watching {`,
    `        on ${p}Outcome do (o: (txn: int, commit: bool)) {`,
    `            assert !(o.txn in decided) || decided[o.txn] == o.commit, format("transaction {0} decided twice", o.txn);`,
    `            decided[o.txn] = o.commit;`,
    `        }`,
    `    }`,
    `}`,
    ``,
    `invariant ${p}OneOutcome: forall (e: ${p}Outcome) :: inflight e ==> e.txn >= 0;`,
    ``,
    `test ${p}Commit [main=${p}Coordinator]: assert ${p}Atomicity in { ${p}Coordinator, ${p}Participant };`,
    `test param (${p}Count in [1, 2, 3]) ${p}Sweep [main=${p}Coordinator]: { ${p}Coordinator, ${p}Participant };`,
  );
}

function tokenRing(w: Writer): void {
  const { r, p, out } = w;
  const size = r.int(3, 6);
  out.push(
    `event ${p}Token: (hops: int, from: int);`,
    `event ${p}Link: (next: ${p}Node, id: int);`,
    `event ${p}Elected: int;`,
    ``,
    `machine ${p}Node {`,
    `    var next: ${p}Node;`,
    `    var id: int;`,
    `    var best: int;`,
    `    var seen: seq[int];`,
    `    var score: int;`,
    ``,
    `    start state Unlinked {`,
    `        defer ${p}Token;`,
    `        on ${p}Link goto Linked with (l: (next: ${p}Node, id: int)) {`,
    `            next = l.next;`,
    `            id = l.id;`,
    `            best = id;`,
    `        }`,
    `    }`,
    ``,
    `    state Linked {`,
    `        on ${p}Token do (t: (hops: int, from: int)) {`,
    `            seen += (sizeof(seen), t.from);`,
    `            if (t.from > best) {`,
    `                best = t.from;`,
    `            }`,
    ...helperCalls(w, "score", "seen", "            "),
    `            if (t.hops >= ${size * 2}) {`,
    `                announce ${p}Elected, best;`,
    `                goto Stopped;`,
    `            }`,
    `            send next, ${p}Token, (hops = t.hops + 1, from = best);`,
    `        }`,
    `    }`,
    ``,
    `    state Stopped {`,
    `        ignore ${p}Token, ${p}Link;`,
    `    }`,
    `}`,
    ``,
    `machine ${p}Main {`,
    `    start state Build {`,
    `        entry {`,
    `            var nodes: seq[${p}Node];`,
    `            var i: int;`,
    `            while (i < ${size}) {`,
    `                nodes += (i, new ${p}Node());`,
    `                i = i + 1;`,
    `            }`,
    `            i = 0;`,
    `            while (i < ${size}) {`,
    `                send nodes[i], ${p}Link, (next = nodes[(i + 1) % ${size}], id = i * ${r.int(3, 17)} % ${size + 1});`,
    `                i = i + 1;`,
    `            }`,
    `            send nodes[0], ${p}Token, (hops = 0, from = -1);`,
    `        }`,
    `    }`,
    `}`,
    ``,
    `spec ${p}OneLeader observes ${p}Elected {`,
    `    var leader: int;`,
    `    start cold state Electing {`,
    `        on ${p}Elected goto Elected with (id: int) {`,
    `            leader = id;`,
    `        }`,
    `    }`,
    `    cold state Elected {`,
    `        on ${p}Elected do (id: int) {`,
    `            assert id == leader, format("two leaders: {0} and {1}", leader, id);`,
    `        }`,
    `    }`,
    `}`,
    ``,
    `test ${p}Ring [main=${p}Main]: assert ${p}OneLeader in { ${p}Node, ${p}Main };`,
  );
}

function broker(w: Writer): void {
  const { r, p, out } = w;
  const topics = r.int(2, 4);
  out.push(
    `enum ${p}Topic { ${Array.from({ length: topics }, (_, i) => `${p}T${i}`).join(", ")} }`,
    `type ${p}Message = (topic: ${p}Topic, body: string, seqNo: int);`,
    `event ${p}Publish: ${p}Message;`,
    `event ${p}Subscribe: (who: ${p}Consumer, topic: ${p}Topic);`,
    `event ${p}Deliver: ${p}Message;`,
    `interface ${p}IBroker() receives ${p}Publish, ${p}Subscribe;`,
    ``,
    `machine ${p}Broker receives ${p}Publish, ${p}Subscribe; sends ${p}Deliver; {`,
    `    var subscribers: map[${p}Topic, seq[${p}Consumer]];`,
    `    var published: map[${p}Topic, int];`,
    ``,
    `    start state Running {`,
    `        on ${p}Subscribe do (s: (who: ${p}Consumer, topic: ${p}Topic)) {`,
    `            if (!(s.topic in subscribers)) {`,
    `                subscribers[s.topic] = default(seq[${p}Consumer]);`,
    `            }`,
    `            subscribers[s.topic] += (sizeof(subscribers[s.topic]), s.who);`,
    `        }`,
    `        on ${p}Publish do (m: ${p}Message) {`,
    `            var c: ${p}Consumer;`,
    `            if (m.topic in published) {`,
    `                published[m.topic] = published[m.topic] + 1;`,
    `            } else {`,
    `                published[m.topic] = 1;`,
    `            }`,
    `            if (m.topic in subscribers) {`,
    `                foreach (c in subscribers[m.topic]) {`,
    `                    send c, ${p}Deliver, m;`,
    `                }`,
    `            }`,
    `        }`,
    `    }`,
    `}`,
    ``,
    `machine ${p}Consumer {`,
    `    var received: seq[int];`,
    `    var bodies: set[string];`,
    `    var score: int;`,
    ``,
    `    start state Listening {`,
    `        entry (b: ${p}IBroker) {`,
    `            send b, ${p}Subscribe, (who = this, topic = ${p}T${r.int(0, topics - 1)});`,
    `        }`,
    `        on ${p}Deliver do (m: ${p}Message) {`,
    `            received += (sizeof(received), m.seqNo);`,
    `            bodies += (m.body);`,
    ...helperCalls(w, "score", "received", "            "),
    `        }`,
    `    }`,
    `}`,
    ``,
    `machine ${p}Producer {`,
    `    start state Producing {`,
    `        entry {`,
    `            var b: ${p}IBroker;`,
    `            var i: int;`,
    `            b = new ${p}IBroker();`,
    `            new ${p}Consumer(b);`,
    `            while (i < ${r.int(2, 6)}) {`,
    `                send b, ${p}Publish, (topic = (i % ${topics}) to ${p}Topic, body = format("message {0}", i), seqNo = i);`,
    `                i = i + 1;`,
    `            }`,
    `        }`,
    `    }`,
    `}`,
    ``,
    `module ${p}Bus = { ${p}Broker -> ${p}IBroker, ${p}Consumer, ${p}Producer };`,
    `test ${p}Delivery [main=${p}Producer]: ${p}Bus;`,
  );
}

const SHAPES = [kvStore, lockService, twoPhaseCommit, tokenRing, broker];

/** A model of at least `lines` lines, the same for the same seed. */
export function generateModel(lines = MODEL_LINES, seed = MODEL_SEED): string {
  const r = new Random(seed);
  const out: string[] = [`// A generated model for benchmarking the front end (seed ${seed}).`, ``];
  for (let i = 0; out.length < lines; i++) {
    const p = `${r.pick(WORDS)}${i}`;
    const shape = r.pick(SHAPES);
    out.push(`// ---- ${p}: ${shape.name} ----`);
    const w: Writer = { r, p, out, helpers: helpers(r, p) };
    for (const h of w.helpers) out.push(...h.lines, ``);
    shape(w);
    out.push(``);
  }
  return out.join("\n");
}

const ROOT = join(import.meta.dirname, "..");
/** Unmeasured runs before the measured ones: they let the JIT compile the front end's hot paths. */
const WARM_UPS = 2;

/**
 * A full garbage collection, so that no run pays for the garbage of the one before. `gc` is exposed
 * at run time because `npm run bench` starts Node without flags.
 */
function collectGarbage(): void {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

function milliseconds(since: number): number {
  return performance.now() - since;
}

/** Runs a command as a fresh process and returns its wall-clock time in ms; fails on a nonzero exit. */
function timeProcess(args: readonly string[]): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8" });
  const elapsed = milliseconds(start);
  if (result.status !== 0) {
    throw new Error(`'node ${args.join(" ")}' exited with ${result.status}:\n${result.stdout}${result.stderr}`);
  }
  return elapsed;
}

export const frontendBenchmark: Benchmark = {
  name: "frontend",
  description: `parse, check and lower a generated ${MODEL_LINES.toLocaleString("en-US")}-line model; 'pith typecheck' on it as a process`,
  async run({ runs }) {
    const text = generateModel();
    const lines = text.split("\n").length;
    const path = "bench-model.p";
    const phases = { parse: [] as number[], check: [] as number[], lower: [] as number[], total: [] as number[] };
    let firstRun = 0;
    for (let i = 0; i < WARM_UPS + runs; i++) {
      collectGarbage();
      const start = performance.now();
      const parsed = parseProgram([new SourceFile(path, text)]);
      const parseMs = milliseconds(start);
      const checkStart = performance.now();
      const typed = checkProgram(parsed.program);
      const checkMs = milliseconds(checkStart);
      const lowerStart = performance.now();
      lowerProgram(typed.checked);
      const lowerMs = milliseconds(lowerStart);
      const totalMs = milliseconds(start);
      if (i === 0) {
        const errors = [...parsed.diagnostics, ...typed.diagnostics].filter((d) => d.severity === "error");
        if (errors.length > 0) throw new Error(`the generated model has ${errors.length} error(s), first: ${errors[0].message}`);
        firstRun = totalMs;
      }
      if (i < WARM_UPS) continue;
      phases.parse.push(parseMs);
      phases.check.push(checkMs);
      phases.lower.push(lowerMs);
      phases.total.push(totalMs);
    }

    const folder = join(tmpdir(), "pith-bench");
    mkdirSync(folder, { recursive: true });
    const file = join(folder, path);
    writeFileSync(file, text);
    const tiny = join(folder, "tiny.p");
    writeFileSync(tiny, "machine Main { start state Idle { } }\n");
    const pith = join(ROOT, "bin", "pith.js");
    const nodeAlone: number[] = [];
    const startUp: number[] = [];
    const typecheck: number[] = [];
    for (let i = 0; i < runs; i++) {
      nodeAlone.push(timeProcess(["-e", ""]));
      startUp.push(timeProcess([pith, "typecheck", tiny, "--quiet"]));
      typecheck.push(timeProcess([pith, "typecheck", file, "--quiet"]));
    }

    const size = `${lines.toLocaleString("en-US")} lines, ${Math.round(text.length / 1024)} KiB`;
    return [
      { name: "parse", unit: "ms", samples: phases.parse, note: size },
      { name: "check", unit: "ms", samples: phases.check },
      { name: "lower", unit: "ms", samples: phases.lower },
      {
        name: "total",
        unit: "ms",
        samples: phases.total,
        target: { value: TARGET_TOTAL_MS, better: "lower" },
        note: `after ${WARM_UPS} unmeasured runs; the first (cold JIT) took ${Math.round(firstRun)} ms`,
      },
      {
        name: "throughput",
        unit: "lines/s",
        samples: phases.total.map((ms) => (lines * 1000) / ms),
        target: { value: (MODEL_LINES * 1000) / TARGET_TOTAL_MS, better: "higher" },
      },
      { name: "node start-up alone", unit: "ms", samples: nodeAlone, note: "'node -e \"\"': the floor under any process" },
      { name: "pith typecheck, one-line model", unit: "ms", samples: startUp, note: "Pith's own start-up: loading its modules and building the parser" },
      {
        name: "pith typecheck, generated model",
        unit: "ms",
        samples: typecheck,
        note: `'node bin/pith.js typecheck ${file} --quiet', start-up included`,
      },
    ] satisfies Figure[];
  },
};
