// Planted bug: the decision is written unconditionally (a plain put of the record's status, not a
// conditional write on PENDING). A coordinator wrongly suspected of having crashed goes on as a
// zombie, and its decision and the recovering coordinator's can both land, the second overwriting
// the first.
//
// OverwritingLedger is the ledger of PSrc/ledger.p with one change, in its eLedgerDecide handler.
// It breaks Atomicity (a decision on record never changes): the recovering coordinator cancels the
// transaction, then the zombie's commit overwrites the cancellation, or the reverse.
machine OverwritingLedger receives eLedgerBegin, eLedgerDecide, eLedgerComplete, eLedgerScan;
                          sends eLedgerBeginResponse, eLedgerDecideResponse, eLedgerScanResponse; {
    var records: map[int, tRecord];
    // Token -> transaction id.
    var tokens: map[int, int];
    var lastTx: int;

    start state Serving {
        on eLedgerBegin do (b: (coordinator: machine, token: int, client: machine, ts: int, writes: seq[tWrite])) {
            var record: tRecord;
            if (b.token in tokens) {
                send b.coordinator, eLedgerBeginResponse, (record = records[tokens[b.token]], created = false);
                return;
            }
            lastTx = lastTx + 1;
            record = (txId = lastTx, token = b.token, client = b.client, ts = b.ts, writes = b.writes,
                      status = PENDING, completed = false, owner = b.coordinator);
            records[lastTx] = record;
            tokens[b.token] = lastTx;
            announce eTxBegun, record;
            send b.coordinator, eLedgerBeginResponse, (record = record, created = true);
        }
        // The bug: `expected` is not checked.
        on eLedgerDecide do (d: (coordinator: machine, txId: int, expected: tStatus, next: tStatus)) {
            if (records[d.txId].status != d.next) {
                records[d.txId].status = d.next;
                announce eTxStatus, (txId = d.txId, status = d.next);
            }
            send d.coordinator, eLedgerDecideResponse, (txId = d.txId, status = records[d.txId].status);
        }
        on eLedgerComplete do (c: (coordinator: machine, txId: int)) {
            records[c.txId].completed = true;
        }
        on eLedgerScan do (coordinator: machine) {
            var stalled: seq[tRecord];
            var tx: int;
            tx = 1;
            while (tx <= lastTx) {
                if (!records[tx].completed && records[tx].owner != coordinator) {
                    stalled += (sizeof(stalled), records[tx]);
                }
                tx = tx + 1;
            }
            send coordinator, eLedgerScanResponse, stalled;
        }
    }
}
