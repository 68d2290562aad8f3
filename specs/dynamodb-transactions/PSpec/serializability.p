// Serializability in timestamp order, checked write by write (the cheap oracle): the committed
// write transactions and the plain writes, taken in timestamp order, form a serial history.
// The monitor replays every change of an item on its own copy, and checks that
// - each item's changes come in strictly increasing timestamp order (so ordering all of them by
//   timestamp orders every pair of conflicting operations the way they happened);
// - each transaction's condition held on the item as the previous change left it;
// - the item after the change is what the action makes of the item as the previous change left it
//   (a lost update breaks this);
// - a GetItem returns the item as the last change left it.
spec SerializableWrites observes eItemWritten, eGetItemResponse {
    var copy: map[int, (value: int, exists: bool, ts: int)];

    start state Replaying {
        on eItemWritten do (w: (item: int, txId: int, ts: int, write: tWrite, value: int, exists: bool)) {
            var before: (value: int, exists: bool, ts: int);
            var after: tItemValue;
            if (w.item in copy) {
                before = copy[w.item];
            }
            assert w.ts > before.ts,
                format("item {0} written at timestamp {1} after a write at timestamp {2}", w.item, w.ts, before.ts);
            assert ConditionHolds(w.write, before.value, before.exists),
                format("transaction {0} committed on item {1} although its condition fails there ({2})", w.txId, w.item, before);
            after = Applied(w.write, before.value, before.exists);
            assert after.value == w.value && after.exists == w.exists,
                format("lost update: item {0} is ({1}, {2}) after {3} of transaction {4}, but the serial history gives {5}",
                       w.item, w.value, w.exists, w.write.action, w.txId, after);
            copy[w.item] = (value = w.value, exists = w.exists, ts = w.ts);
        }
        on eGetItemResponse do (r: tItemValue) {
            var now: (value: int, exists: bool, ts: int);
            if (r.item in copy) {
                now = copy[r.item];
            }
            assert r.value == now.value && r.exists == now.exists,
                format("GetItem of item {0} returned ({1}, {2}), but the serial history has ({3}, {4})",
                       r.item, r.value, r.exists, now.value, now.exists);
        }
    }
}

// A read transaction sees a consistent snapshot: no fractured read. For every committed write
// transaction T, a TransactGetItems result either sees T on every item of T it reads (a version at
// T's timestamp or later) or on none of them.
spec SnapshotReads observes eTxBegun, eItemWritten, eSnapshotRead {
    var txItems: map[int, set[int]];
    var txTs: map[int, int];
    // The transactions with at least one action applied.
    var committed: set[int];

    start state Watching {
        on eTxBegun do (r: tRecord) {
            var w: tWrite;
            txItems[r.txId] = default(set[int]);
            foreach (w in r.writes) {
                txItems[r.txId] += (w.item);
            }
            txTs[r.txId] = r.ts;
        }
        on eItemWritten do (w: (item: int, txId: int, ts: int, write: tWrite, value: int, exists: bool)) {
            if (w.txId != 0) {
                committed += (w.txId);
            }
        }
        on eSnapshotRead do (s: (request: int, items: seq[int], ts: seq[int])) {
            var tx: int;
            var i: int;
            var j: int;
            foreach (tx in committed) {
                i = 0;
                while (i < sizeof(s.items)) {
                    j = 0;
                    while (j < sizeof(s.items)) {
                        if (s.items[i] in txItems[tx] && s.items[j] in txItems[tx]) {
                            assert !(s.ts[i] >= txTs[tx] && s.ts[j] < txTs[tx]),
                                format("fractured read: item {0} read at timestamp {1} includes transaction {2} (timestamp {3}), item {4} read at timestamp {5} does not",
                                       s.items[i], s.ts[i], tx, txTs[tx], s.items[j], s.ts[j]);
                        }
                        j = j + 1;
                    }
                    i = i + 1;
                }
            }
        }
    }
}
