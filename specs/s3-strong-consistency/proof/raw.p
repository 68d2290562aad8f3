// Read-after-write for S3's witness-gated metadata cache, in its state form, proved with
// `pith prove` for any number of keys, cache partitions, front ends (routers), writers, readers and
// witness failures, with three witness replicas, write quorum 2 and read quorum 2.
//
// Two invariants carry read-after-write (the argument is in docs/case-studies/s3-strong-consistency.md):
//   WitnessCovers: every acknowledged write is covered by a write quorum of witnesses: each of
//     them either knows the write's sequence number (or a newer one) for its key, or is
//     recovering (and then answers every barrier "unknown");
//   VisibleImpliesWitnessed: every sequence number that a reader can see (in a cache partition, in
//     the index, in an answer on its way) is at most the index's applied one, which is released:
//     a write quorum acknowledged it.
//
// It is a separate formulation of ../PSrc, because the prover takes a fixed set of machines (no
// `new`), no `null` and no iteration over a map's keys. The differences:
//   - the journal and the index are one machine, Store (the journal is an atomic commit in the
//     checked model too); it answers reads as it is (the checked index waits for the barrier's
//     sequence number, which only delays answers); a write quorum's acknowledgement releases the
//     write, and the store applies and acknowledges it in a step of its own (eRelease), which
//     keeps each solver query small;
//   - witnesses are three machines named by pure functions; a witness keeps what it was told
//     (`told`) and what it re-read from the journal when it restarted (`base`) apart, and answers
//     the larger of the two, so that a rebuild needs no loop over the keys of a map;
//   - each Crasher fails one witness once, so any number of failures is covered;
//   - the LIST path and the read replica are left out;
//   - routers choose their cache partition through an uninterpreted function, so every routing is;
//   - versions are sequence numbers only (values and tombstones play no part in the argument);
//   - names differ from the checked model's, so that both can be loaded together
//     (`pith check specs/s3-strong-consistency` reads this file too, and has no test for it).
// Maps are read without `in`: a key never written reads 0, the default, in the prover.

// Writer to store: write the key.
event eWriteReq: (writer: Writer, key: int);
// Store to witness: record this write; witness to store: recorded.
event eRecordReq: (key: int, seqNo: int);
event eRecordAck: (witness: WitnessReplica, key: int, seqNo: int);
// Store to itself: a write quorum has acknowledged this write (the release point).
event eRelease: (key: int, seqNo: int);
// Store to writer: the write is released and applied (the acknowledgement).
event eWriteAck: (key: int, seqNo: int);
// Reader to router, and the answer. `barrier` and `bypassed` say how the router decided.
event eGetReq: (reader: Reader, key: int);
event eGetAck: (key: int, seqNo: int, barrier: int, bypassed: bool);
// Router to witness: the barrier of a key; the answer (known = false: recovering).
event eBarrierReq: (router: Router, n: int, key: int);
event eBarrierAck: (n: int, known: bool, seqNo: int);
// Router to cache partition: look the key up; fill it.
event eLookupReq: (router: Router, n: int, key: int);
event eLookupAck: (n: int, key: int, seqNo: int);
event eFillReq: (key: int, seqNo: int);
// Router to store: read the key through; the answer.
event eFetchReq: (router: Router, n: int, key: int);
event eFetchAck: (n: int, key: int, seqNo: int);
// Crasher to witness: fail and restart. Witness to store, and back: the journal's latest
// sequence number of every key, to rebuild from.
event eCrashReq;
event eRebuildReq: (witness: WitnessReplica, attempt: int);
event eRebuildAck: (attempt: int, committed: map[int, int]);

pure store(): Store;
pure wA(): WitnessReplica;
pure wB(): WitnessReplica;
pure wC(): WitnessReplica;
// The cache partition a router uses for its n-th GET.
pure route(r: Router, n: int): CacheNode;
// The witness a crasher fails, and the key of a reader's n-th GET.
pure victim(c: Crasher): WitnessReplica;
pure keyOfGet(r: Reader, n: int): int;

axiom forall (s: Store) :: s == store();
axiom wA() != wB() && wA() != wC() && wB() != wC();
axiom forall (w: WitnessReplica) :: w == wA() || w == wB() || w == wC();

// A witness covers sequence number s of key k: it knows s or newer, or it is recovering.
pure covers(w: WitnessReplica, k: int, s: int): bool = w.recovering || w.told[k] >= s || w.base[k] >= s;
// A write quorum (two of the three) covers it.
pure quorumCovers(k: int, s: int): bool =
    (covers(wA(), k, s) && covers(wB(), k, s)) || (covers(wA(), k, s) && covers(wC(), k, s)) ||
    (covers(wB(), k, s) && covers(wC(), k, s));
// The store holds acknowledgements of sequence number s from two of the three.
pure quorumAcked(s: int): bool =
    (store().ackA[s] && store().ackB[s]) || (store().ackA[s] && store().ackC[s]) || (store().ackB[s] && store().ackC[s]);

machine Store {
    // The journal: the last sequence number, the key of each, and the latest of each key.
    var last: int;
    var keyOf: map[int, int];
    var writerOf: map[int, Writer];
    var committed: map[int, int];
    // Which witnesses acknowledged each sequence number, and whether it is released.
    var ackA: map[int, bool];
    var ackB: map[int, bool];
    var ackC: map[int, bool];
    var released: map[int, bool];
    // The index: the applied sequence number of each key.
    var applied: map[int, int];

    start state Serving {
        on eWriteReq do (w: (writer: Writer, key: int)) {
            last = last + 1;
            keyOf[last] = w.key;
            writerOf[last] = w.writer;
            committed[w.key] = last;
            send wA(), eRecordReq, (key = w.key, seqNo = last);
            send wB(), eRecordReq, (key = w.key, seqNo = last);
            send wC(), eRecordReq, (key = w.key, seqNo = last);
        }
        on eRecordAck do (r: (witness: WitnessReplica, key: int, seqNo: int)) {
            if (released[r.seqNo]) {
                return;
            }
            ackA[r.seqNo] = ackA[r.seqNo] || r.witness == wA();
            ackB[r.seqNo] = ackB[r.seqNo] || r.witness == wB();
            ackC[r.seqNo] = ackC[r.seqNo] || r.witness == wC();
            if ((ackA[r.seqNo] && ackB[r.seqNo]) || (ackA[r.seqNo] && ackC[r.seqNo]) || (ackB[r.seqNo] && ackC[r.seqNo])) {
                released[r.seqNo] = true;
                send this, eRelease, (key = r.key, seqNo = r.seqNo);
            }
        }
        // The write is released: apply it and acknowledge it.
        on eRelease do (r: (key: int, seqNo: int)) {
            if (applied[r.key] < r.seqNo) {
                applied[r.key] = r.seqNo;
            }
            send writerOf[r.seqNo], eWriteAck, (key = r.key, seqNo = r.seqNo);
        }
        on eRebuildReq do (q: (witness: WitnessReplica, attempt: int)) {
            send q.witness, eRebuildAck, (attempt = q.attempt, committed = committed);
        }
        on eFetchReq do (f: (router: Router, n: int, key: int)) {
            send f.router, eFetchAck, (n = f.n, key = f.key, seqNo = applied[f.key]);
        }
    }
}

machine WitnessReplica {
    // What the witness was told since it last restarted, and what it re-read from the journal;
    // it answers the larger of the two.
    var told: map[int, int];
    var base: map[int, int];
    // Failed and restarted, and not yet rebuilt: answers every barrier "unknown".
    var recovering: bool;
    // The number of restarts: the journal's answer to an earlier one is out of date.
    var attempt: int;

    start state Serving {
        on eRecordReq do (r: (key: int, seqNo: int)) {
            if (told[r.key] < r.seqNo) {
                told[r.key] = r.seqNo;
            }
            send store(), eRecordAck, (witness = this, key = r.key, seqNo = r.seqNo);
        }
        on eBarrierReq do (b: (router: Router, n: int, key: int)) {
            if (told[b.key] < base[b.key]) {
                send b.router, eBarrierAck, (n = b.n, known = !recovering, seqNo = base[b.key]);
            } else {
                send b.router, eBarrierAck, (n = b.n, known = !recovering, seqNo = told[b.key]);
            }
        }
        on eCrashReq do {
            told = default(map[int, int]);
            base = default(map[int, int]);
            recovering = true;
            attempt = attempt + 1;
            send store(), eRebuildReq, (witness = this, attempt = attempt);
        }
        on eRebuildAck do (r: (attempt: int, committed: map[int, int])) {
            if (r.attempt == attempt && recovering) {
                base = r.committed;
                recovering = false;
            }
        }
    }
}

machine CacheNode {
    var entries: map[int, int];

    start state Serving {
        on eLookupReq do (l: (router: Router, n: int, key: int)) {
            send l.router, eLookupAck, (n = l.n, key = l.key, seqNo = entries[l.key]);
        }
        on eFillReq do (f: (key: int, seqNo: int)) {
            if (entries[f.key] < f.seqNo) {
                entries[f.key] = f.seqNo;
            }
        }
    }
}

machine Router {
    // The GET in progress: its number, reader, key, partition, and what has come back.
    var n: int;
    var reader: Reader;
    var key: int;
    var cache: CacheNode;
    var looked: bool;
    var cached: int;
    var answers: int;
    var unknown: bool;
    var barrier: int;

    start state Idle {
        on eGetReq do (g: (reader: Reader, key: int)) {
            n = n + 1;
            reader = g.reader;
            key = g.key;
            cache = route(this, n);
            looked = false;
            answers = 0;
            unknown = false;
            barrier = 0;
            send cache, eLookupReq, (router = this, n = n, key = key);
            send wA(), eBarrierReq, (router = this, n = n, key = key);
            send wB(), eBarrierReq, (router = this, n = n, key = key);
            send wC(), eBarrierReq, (router = this, n = n, key = key);
            goto Getting;
        }
        ignore eBarrierAck, eLookupAck, eFetchAck;
    }

    state Getting {
        defer eGetReq;
        on eLookupAck do (l: (n: int, key: int, seqNo: int)) {
            if (l.n != n || l.key != key) {
                return;
            }
            looked = true;
            cached = l.seqNo;
            if (answers < 2) {
                return;
            }
            // Serve a fresh hit, or read through (bypassing the cache if a witness is recovering).
            if (!unknown && cached > 0 && cached >= barrier) {
                send reader, eGetAck, (key = key, seqNo = cached, barrier = barrier, bypassed = false);
                goto Idle;
            }
            send store(), eFetchReq, (router = this, n = n, key = key);
            goto Fetching;
        }
        on eBarrierAck do (b: (n: int, known: bool, seqNo: int)) {
            if (b.n != n) {
                return;
            }
            answers = answers + 1;
            if (!b.known) {
                unknown = true;
            } else if (b.seqNo > barrier) {
                barrier = b.seqNo;
            }
            if (!looked || answers < 2) {
                return;
            }
            if (!unknown && cached > 0 && cached >= barrier) {
                send reader, eGetAck, (key = key, seqNo = cached, barrier = barrier, bypassed = false);
                goto Idle;
            }
            send store(), eFetchReq, (router = this, n = n, key = key);
            goto Fetching;
        }
        ignore eFetchAck;
    }

    state Fetching {
        defer eGetReq;
        on eFetchAck do (f: (n: int, key: int, seqNo: int)) {
            if (f.n != n || f.key != key) {
                return;
            }
            if (!unknown) {
                send cache, eFillReq, (key = key, seqNo = f.seqNo);
            }
            send reader, eGetAck, (key = key, seqNo = f.seqNo, barrier = barrier, bypassed = unknown);
            goto Idle;
        }
        ignore eBarrierAck, eLookupAck;
    }
}

machine Writer {
    var key: int;

    start state Writing {
        entry {
            send store(), eWriteReq, (writer = this, key = key);
        }
        on eWriteAck do (a: (key: int, seqNo: int)) {
            key = key + 1;
            send store(), eWriteReq, (writer = this, key = key);
        }
    }
}

machine Reader {
    var n: int;
    var router: Router;

    start state Reading {
        entry {
            send router, eGetReq, (reader = this, key = keyOfGet(this, n));
        }
        on eGetAck do (g: (key: int, seqNo: int, barrier: int, bypassed: bool)) {
            n = n + 1;
            send router, eGetReq, (reader = this, key = keyOfGet(this, n));
        }
    }
}

machine Crasher {
    start state Crashing {
        entry {
            send victim(this), eCrashReq;
        }
    }
}

// The journal: sequence numbers 1..last are committed.
Lemma journal {
    invariant last_nonnegative: store().last >= 0;
    invariant record_committed: forall (m: eRecordReq) :: 1 <= m.seqNo && m.seqNo <= store().last && store().keyOf[m.seqNo] == m.key;
    invariant record_ack_committed: forall (m: eRecordAck) :: 1 <= m.seqNo && m.seqNo <= store().last && store().keyOf[m.seqNo] == m.key;
    invariant acks_committed: forall (s: int) :: (store().ackA[s] || store().ackB[s] || store().ackC[s]) ==> 1 <= s && s <= store().last;
    invariant released_committed: forall (s: int) :: store().released[s] ==> 1 <= s && s <= store().last;
    invariant release_to_store: forall (m: eRelease) :: m targets store();
    invariant committed_latest: forall (s: int) :: 1 <= s && s <= store().last ==> store().committed[store().keyOf[s]] >= s;
    invariant rebuild_attempts: forall (q: eRebuildReq) :: q.attempt <= q.witness.attempt;
    invariant rebuild_ack_attempts: forall (r: eRebuildAck, w: WitnessReplica) :: r targets w ==> r.attempt <= w.attempt;
}

// What the write path carries, and what each witness that acknowledged a write knows.
Lemma witnessed {
    invariant record_ack_covers: forall (m: eRecordAck) :: covers(m.witness, m.key, m.seqNo);
    invariant ack_a_covers: forall (s: int) :: store().ackA[s] ==> covers(wA(), store().keyOf[s], s);
    invariant ack_b_covers: forall (s: int) :: store().ackB[s] ==> covers(wB(), store().keyOf[s], s);
    invariant ack_c_covers: forall (s: int) :: store().ackC[s] ==> covers(wC(), store().keyOf[s], s);
    invariant rebuild_covers_records: forall (m: eRecordAck, r: eRebuildAck) ::
        r targets m.witness && r.attempt == m.witness.attempt ==> m.witness.told[m.key] >= m.seqNo || r.committed[m.key] >= m.seqNo;
    invariant rebuild_covers_a: forall (s: int, r: eRebuildAck) :: store().ackA[s] && r targets wA() && r.attempt == wA().attempt ==>
        wA().told[store().keyOf[s]] >= s || r.committed[store().keyOf[s]] >= s;
    invariant rebuild_covers_b: forall (s: int, r: eRebuildAck) :: store().ackB[s] && r targets wB() && r.attempt == wB().attempt ==>
        wB().told[store().keyOf[s]] >= s || r.committed[store().keyOf[s]] >= s;
    invariant rebuild_covers_c: forall (s: int, r: eRebuildAck) :: store().ackC[s] && r targets wC() && r.attempt == wC().attempt ==>
        wC().told[store().keyOf[s]] >= s || r.committed[store().keyOf[s]] >= s;
}

// Released writes: a write quorum acknowledged them; the index applies only released writes.
Lemma released {
    invariant released_quorum: forall (s: int) :: store().released[s] ==> quorumAcked(s);
    invariant release_released: forall (m: eRelease) :: store().released[m.seqNo] && store().keyOf[m.seqNo] == m.key;
    invariant applied_released: forall (k: int) :: store().applied[k] == 0 || store().released[store().applied[k]];
    invariant ack_released: forall (a: eWriteAck) :: store().released[a.seqNo] && store().keyOf[a.seqNo] == a.key;
}

// Every acknowledged write is covered by a write quorum (and so is every released one).
Theorem WitnessCovers {
    invariant acked_covered: forall (a: eWriteAck) :: quorumCovers(a.key, a.seqNo);
    invariant release_covered: forall (m: eRelease) :: quorumCovers(m.key, m.seqNo);
}

// Nothing a reader can see is newer than what the index has applied (which is released).
Theorem VisibleImpliesWitnessed {
    invariant cache_behind_index: forall (c: CacheNode, k: int) :: c.entries[k] <= store().applied[k];
    invariant fill_behind_index: forall (m: eFillReq) :: m.seqNo <= store().applied[m.key];
    invariant fetch_behind_index: forall (m: eFetchAck) :: m.seqNo <= store().applied[m.key];
    invariant lookup_behind_index: forall (m: eLookupAck) :: m.seqNo <= store().applied[m.key];
    invariant cached_behind_index: forall (r: Router) :: r.looked ==> r.cached <= store().applied[r.key];
    invariant answer_behind_index: forall (g: eGetAck) :: g.seqNo <= store().applied[g.key];
}

Proof {
    prove journal;
    prove witnessed using journal;
    prove released using journal, witnessed;
    prove WitnessCovers using journal, witnessed, released;
    prove VisibleImpliesWitnessed;
    prove default;
}
