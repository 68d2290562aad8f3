// Planted bug: a plain write (PutItem, DeleteItem) is accepted on an item on which a transaction
// is prepared. The storage node computed, at prepare, the item as the transaction leaves it, and
// installs that at commit: the plain write is lost.
//
// EagerStorageNode is the storage node of PSrc/storage-node.p with one change, in PlainWrite. It
// breaks SerializableWrites (a lost update): in timestamp order the plain write comes before the
// transaction, whose increment should apply on top of it.
machine EagerStorageNode receives ePrepare, eCommit, eCancel, eReadItem, eValidateItem, eGetItem, ePutItem, eDeleteItem;
                         sends ePrepareResponse, eCommitResponse, eCancelResponse, eReadItemResponse,
                               eValidateItemResponse, eGetItemResponse, ePutItemResponse, eDeleteItemResponse; {
    var items: map[int, tItem];

    start state Init {
        entry (itemKeys: seq[int]) {
            var key: int;
            foreach (key in itemKeys) {
                items[key] = default(tItem);
            }
            goto Serving;
        }
    }

    state Serving {
        // A duplicate prepare of the transaction already prepared is a yes. Otherwise the vote is
        // no if another transaction is prepared, the condition is false, or the item was written
        // at the transaction's timestamp or later.
        on ePrepare do (p: (coordinator: machine, txId: int, ts: int, write: tWrite)) {
            var it: tItem;
            var vote: tVote;
            it = items[p.write.item];
            if (it.preparedTx == p.txId) {
                vote = VOTE_YES;
            } else if (it.preparedTx != 0) {
                vote = VOTE_CONFLICT;
            } else if (!ConditionHolds(p.write, it.value, it.exists)) {
                vote = VOTE_CONDITION_FAILED;
            } else if (p.ts <= it.ts) {
                vote = VOTE_TIMESTAMP;
            } else {
                it.preparedTx = p.txId;
                it.preparedTs = p.ts;
                it.preparedWrite = p.write;
                it.after = Applied(p.write, it.value, it.exists);
                items[p.write.item] = it;
                vote = VOTE_YES;
            }
            send p.coordinator, ePrepareResponse, (txId = p.txId, item = p.write.item, vote = vote);
        }
        on eCommit do (c: (coordinator: machine, txId: int, item: int)) {
            var it: tItem;
            it = items[c.item];
            if (it.preparedTx == c.txId) {
                it.value = it.after.value;
                it.exists = it.after.exists;
                it.ts = it.preparedTs;
                it.lsn = it.lsn + 1;
                announce eItemWritten, (item = c.item, txId = c.txId, ts = it.ts, write = it.preparedWrite,
                                        value = it.value, exists = it.exists);
                it.preparedTx = 0;
                it.preparedTs = 0;
                it.preparedWrite = default(tWrite);
                it.after = default(tItemValue);
                items[c.item] = it;
            }
            send c.coordinator, eCommitResponse, (txId = c.txId, item = c.item);
        }
        on eCancel do (c: (coordinator: machine, txId: int, item: int)) {
            var it: tItem;
            it = items[c.item];
            if (it.preparedTx == c.txId) {
                it.preparedTx = 0;
                it.preparedTs = 0;
                it.preparedWrite = default(tWrite);
                it.after = default(tItemValue);
                items[c.item] = it;
            }
            send c.coordinator, eCancelResponse, (txId = c.txId, item = c.item);
        }
        on eReadItem do (r: (coordinator: machine, request: int, item: int)) {
            var it: tItem;
            it = items[r.item];
            send r.coordinator, eReadItemResponse, (request = r.request, item = r.item, value = it.value,
                exists = it.exists, ts = it.ts, lsn = it.lsn, prepared = it.preparedTx != 0);
        }
        on eValidateItem do (v: (coordinator: machine, request: int, item: int, lsn: int)) {
            var it: tItem;
            it = items[v.item];
            send v.coordinator, eValidateItemResponse, (request = v.request, item = v.item,
                ok = it.lsn == v.lsn && it.preparedTx == 0);
        }
        on eGetItem do (g: (client: machine, item: int)) {
            var it: tItem;
            it = items[g.item];
            send g.client, eGetItemResponse, (item = g.item, value = it.value, exists = it.exists);
        }
        on ePutItem do (p: (client: machine, item: int, value: int)) {
            send p.client, ePutItemResponse, (item = p.item,
                ok = PlainWrite((item = p.item, action = PUT, value = p.value, condition = NO_CONDITION, expected = 0)));
        }
        on eDeleteItem do (d: (client: machine, item: int)) {
            send d.client, eDeleteItemResponse, (item = d.item,
                ok = PlainWrite((item = d.item, action = DELETE, value = 0, condition = NO_CONDITION, expected = 0)));
        }
    }

    // A PutItem or DeleteItem. The bug: accepted even while a transaction is prepared on the item.
    fun PlainWrite(w: tWrite): bool {
        var it: tItem;
        var after: tItemValue;
        it = items[w.item];
        after = Applied(w, it.value, it.exists);
        it.value = after.value;
        it.exists = after.exists;
        it.ts = it.ts + 1;
        it.lsn = it.lsn + 1;
        items[w.item] = it;
        announce eItemWritten, (item = w.item, txId = 0, ts = it.ts, write = w, value = it.value, exists = it.exists);
        return true;
    }
}
