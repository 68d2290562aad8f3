// Planted bug: the ledger keeps no index of request tokens, so a retried TransactWriteItems (the
// client timed out and sent it again, with the same token) starts a second transaction instead of
// finding the first.
//
// ForgetfulLedger is the ledger of PSrc/ledger.p with one change, in its eLedgerBegin handler. It
// breaks Idempotency: both transactions commit, and the retried increments are applied twice.
machine ForgetfulLedger receives eLedgerBegin, eLedgerDecide, eLedgerComplete, eLedgerScan;
                        sends eLedgerBeginResponse, eLedgerDecideResponse, eLedgerScanResponse; {
    var records: map[int, tRecord];
    var lastTx: int;

    start state Serving {
        // The bug: every request gets a new record, whatever its token.
        on eLedgerBegin do (b: (coordinator: machine, token: int, client: machine, ts: int, writes: seq[tWrite])) {
            var record: tRecord;
            lastTx = lastTx + 1;
            record = (txId = lastTx, token = b.token, client = b.client, ts = b.ts, writes = b.writes,
                      status = PENDING, completed = false, owner = b.coordinator);
            records[lastTx] = record;
            announce eTxBegun, record;
            send b.coordinator, eLedgerBeginResponse, (record = record, created = true);
        }
        on eLedgerDecide do (d: (coordinator: machine, txId: int, expected: tStatus, next: tStatus)) {
            if (records[d.txId].status == d.expected) {
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
