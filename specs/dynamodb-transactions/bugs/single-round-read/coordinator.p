// Planted bug: TransactGetItems in one round. The coordinator reads every item, refusing items on
// which a transaction is prepared, and answers at once, without checking in a second round that
// no item changed while it was reading the others.
//
// OneRoundCoordinator is the coordinator of PSrc/coordinator.p without the second round (the
// eValidateItem requests and their handler). It breaks SnapshotReads: the reader reads item 0,
// a transaction that writes both items commits, and the reader reads item 1 with its write.
machine OneRoundCoordinator receives eTransactWriteItems, eTransactGetItems, eLedgerBeginResponse, ePrepareResponse,
                             eLedgerDecideResponse, eCommitResponse, eCancelResponse, eReadItemResponse,
                             eRecoverStalled, eLedgerScanResponse;
                    sends eLedgerBegin, ePrepare, eLedgerDecide, eCommit, eCancel, eLedgerComplete,
                          eTransactWriteItemsResponse, eReadItem, eTransactGetItemsResponse,
                          eLedgerScan, eRecoverStalled; {
    var ledger: machine;
    var nodes: seq[machine];
    var clock: int;
    var crashes: bool;
    var peer: machine;
    // The requests waiting for the ledger, in the order they were sent to it (which is the order
    // of its responses). A retry may reach the coordinator that has the first attempt.
    var requests: seq[(token: int, writes: seq[tWrite])];
    // The write transactions being run or recovered, by id.
    var runs: map[int, tRun];
    var reads: map[int, tRead];
    var lastRead: int;

    start state Init {
        entry (config: (ledger: machine, nodes: seq[machine], clock: int, crashes: bool, peer: machine)) {
            ledger = config.ledger;
            nodes = config.nodes;
            clock = config.clock;
            crashes = config.crashes;
            peer = config.peer;
            goto Serving;
        }
    }

    state Serving {
        on eTransactWriteItems do (t: (client: machine, token: int, writes: seq[tWrite])) {
            MaybeCrash();
            requests += (sizeof(requests), (token = t.token, writes = t.writes));
            send ledger, eLedgerBegin, (coordinator = this, token = t.token, client = t.client, ts = clock, writes = t.writes);
            clock = clock + 1;
        }
        on eLedgerBeginResponse do (b: (record: tRecord, created: bool)) {
            var writes: seq[tWrite];
            var w: tWrite;
            MaybeCrash();
            writes = requests[0].writes;
            requests -= 0;
            if (b.created) {
                runs[b.record.txId] = (record = b.record, votes = 0, allYes = true, acks = 0);
                foreach (w in writes) {
                    send NodeOf(nodes, w.item), ePrepare, (coordinator = this, txId = b.record.txId, ts = b.record.ts, write = w);
                }
            } else if (b.record.writes != writes) {
                send b.record.client, eTransactWriteItemsResponse, (token = b.record.token, result = TX_PARAMETER_MISMATCH);
            } else if (b.record.completed) {
                send b.record.client, eTransactWriteItemsResponse, (token = b.record.token, result = Result(b.record.status));
            } else {
                send b.record.client, eTransactWriteItemsResponse, (token = b.record.token, result = TX_IN_PROGRESS);
            }
        }
        on ePrepareResponse do (v: (txId: int, item: int, vote: tVote)) {
            var run: tRun;
            MaybeCrash();
            run = runs[v.txId];
            run.votes = run.votes + 1;
            if (v.vote != VOTE_YES) {
                run.allYes = false;
            }
            runs[v.txId] = run;
            if (run.votes == sizeof(run.record.writes)) {
                if (run.allYes) {
                    send ledger, eLedgerDecide, (coordinator = this, txId = v.txId, expected = PENDING, next = COMMITTED);
                } else {
                    send ledger, eLedgerDecide, (coordinator = this, txId = v.txId, expected = PENDING, next = CANCELLED);
                }
            }
        }
        on eLedgerDecideResponse do (d: (txId: int, status: tStatus)) {
            MaybeCrash();
            runs[d.txId].record.status = d.status;
            SendDecision(d.txId);
        }
        on eCommitResponse do (a: (txId: int, item: int)) {
            MaybeCrash();
            Acknowledged(a.txId);
        }
        on eCancelResponse do (a: (txId: int, item: int)) {
            MaybeCrash();
            Acknowledged(a.txId);
        }
        on eRecoverStalled do {
            send ledger, eLedgerScan, this;
        }
        on eLedgerScanResponse do (stalled: seq[tRecord]) {
            var r: tRecord;
            foreach (r in stalled) {
                if (!(r.txId in runs)) {
                    runs[r.txId] = (record = r, votes = sizeof(r.writes), allYes = false, acks = 0);
                    if (r.status == PENDING) {
                        send ledger, eLedgerDecide, (coordinator = this, txId = r.txId, expected = PENDING, next = CANCELLED);
                    } else {
                        SendDecision(r.txId);
                    }
                }
            }
        }
        on eTransactGetItems do (t: (client: machine, request: int, items: seq[int])) {
            var read: tRead;
            var item: int;
            lastRead = lastRead + 1;
            read = (client = t.client, request = t.request, items = t.items, found = default(seq[tItemValue]),
                    ts = default(seq[int]), lsns = default(seq[int]), answers = 0, ok = true);
            foreach (item in t.items) {
                read.found += (sizeof(read.found), (item = item, value = 0, exists = false));
                read.ts += (sizeof(read.ts), 0);
                read.lsns += (sizeof(read.lsns), 0);
                send NodeOf(nodes, item), eReadItem, (coordinator = this, request = lastRead, item = item);
            }
            reads[lastRead] = read;
        }
        on eReadItemResponse do (r: (request: int, item: int, value: int, exists: bool, ts: int, lsn: int, prepared: bool)) {
            var read: tRead;
            var i: int;
            read = reads[r.request];
            i = Position(read.items, r.item);
            read.found[i] = (item = r.item, value = r.value, exists = r.exists);
            read.ts[i] = r.ts;
            read.lsns[i] = r.lsn;
            read.answers = read.answers + 1;
            if (r.prepared) {
                read.ok = false;
            }
            reads[r.request] = read;
            if (read.answers < sizeof(read.items)) {
                return;
            }
            // The bug: no second round.
            FinishRead(r.request);
        }
    }

    fun Result(status: tStatus): tWriteResult {
        if (status == COMMITTED) {
            return TX_SUCCEEDED;
        }
        return TX_CANCELLED;
    }

    // Sends the decision on record to every item of the transaction.
    fun SendDecision(txId: int) {
        var w: tWrite;
        var record: tRecord;
        record = runs[txId].record;
        foreach (w in record.writes) {
            if (record.status == COMMITTED) {
                send NodeOf(nodes, w.item), eCommit, (coordinator = this, txId = txId, item = w.item);
            } else {
                send NodeOf(nodes, w.item), eCancel, (coordinator = this, txId = txId, item = w.item);
            }
        }
    }

    fun Acknowledged(txId: int) {
        var run: tRun;
        run = runs[txId];
        run.acks = run.acks + 1;
        if (run.acks < sizeof(run.record.writes)) {
            runs[txId] = run;
            return;
        }
        runs -= txId;
        send ledger, eLedgerComplete, (coordinator = this, txId = txId);
        send run.record.client, eTransactWriteItemsResponse, (token = run.record.token, result = Result(run.record.status));
    }

    fun FinishRead(request: int) {
        var read: tRead;
        read = reads[request];
        reads -= request;
        if (read.ok) {
            announce eSnapshotRead, (request = read.request, items = read.items, ts = read.ts);
            send read.client, eTransactGetItemsResponse, (request = read.request, ok = true, items = read.found);
        } else {
            send read.client, eTransactGetItemsResponse, (request = read.request, ok = false, items = default(seq[tItemValue]));
        }
    }

    fun Position(items: seq[int], item: int): int {
        var i: int;
        while (items[i] != item) {
            i = i + 1;
        }
        return i;
    }

    // The crash: the event being taken is lost, and the peer's sweeper notices.
    fun MaybeCrash() {
        if (crashes && $) {
            crashes = false;
            announce eCoordinatorCrashed, this;
            send peer, eRecoverStalled;
            raise halt;
        }
    }
}
