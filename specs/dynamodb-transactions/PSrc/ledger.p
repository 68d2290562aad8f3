// The transaction ledger: a table of transaction records, indexed by the client's request token,
// with conditional writes. A token has at most one record, so a retried request finds the
// transaction the first one started. A decision is written only over PENDING, so once a
// transaction is committed or cancelled, no coordinator (a recovering one, or a zombie that was
// wrongly suspected of having crashed) can change it: all of them push the same outcome.
machine Ledger receives eLedgerBegin, eLedgerDecide, eLedgerComplete, eLedgerScan;
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
