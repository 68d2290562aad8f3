// Atomicity: a transaction's writes become visible all together or not at all.
// - Safety: a storage node applies a transaction's action only once the ledger has it COMMITTED,
//   and a decision on record never changes (PENDING -> COMMITTED or CANCELLED, once). So a
//   cancelled transaction never has an action applied.
// - At quiescence: a committed transaction has every action applied. The monitor is hot while a
//   committed transaction has actions not applied yet, so a run that ends there is a violation.
spec Atomicity observes eTxBegun, eTxStatus, eItemWritten {
    var status: map[int, tStatus];
    var items: map[int, set[int]];
    var applied: map[int, set[int]];
    // Committed transactions with actions not applied yet.
    var owed: set[int];

    start cold state Settled {
        on eTxBegun do Begun;
        on eTxStatus do Decided;
        on eItemWritten do Written;
    }

    hot state Applying {
        on eTxBegun do Begun;
        on eTxStatus do Decided;
        on eItemWritten do Written;
    }

    fun Begun(r: tRecord) {
        var w: tWrite;
        status[r.txId] = PENDING;
        items[r.txId] = default(set[int]);
        applied[r.txId] = default(set[int]);
        foreach (w in r.writes) {
            items[r.txId] += (w.item);
        }
    }

    fun Decided(d: (txId: int, status: tStatus)) {
        assert status[d.txId] == PENDING,
            format("transaction {0} was {1} in the ledger, and is now {2}", d.txId, status[d.txId], d.status);
        status[d.txId] = d.status;
        if (d.status == COMMITTED) {
            owed += (d.txId);
            goto Applying;
        }
    }

    fun Written(w: (item: int, txId: int, ts: int, write: tWrite, value: int, exists: bool)) {
        if (w.txId == 0) {
            return;
        }
        assert status[w.txId] == COMMITTED,
            format("item {0} has the write of transaction {1}, which is {2} in the ledger", w.item, w.txId, status[w.txId]);
        applied[w.txId] += (w.item);
        if (applied[w.txId] == items[w.txId]) {
            owed -= w.txId;
            if (sizeof(owed) == 0) {
                goto Settled;
            }
        }
    }
}

// Liveness: every transaction in the ledger is eventually committed or cancelled, even when its
// coordinator crashed in the middle. The monitor is hot while a record is PENDING.
spec EventuallyDecided observes eTxBegun, eTxStatus {
    var pending: set[int];

    start cold state Quiet {
        on eTxBegun goto Stalled with (r: tRecord) {
            pending += (r.txId);
        }
        ignore eTxStatus;
    }

    hot state Stalled {
        on eTxBegun do (r: tRecord) {
            pending += (r.txId);
        }
        on eTxStatus do (d: (txId: int, status: tStatus)) {
            pending -= d.txId;
            if (sizeof(pending) == 0) {
                goto Quiet;
            }
        }
    }
}
