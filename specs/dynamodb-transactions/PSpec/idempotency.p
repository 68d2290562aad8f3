// Idempotency and client agreement: the transactions started under one token apply their actions
// for at most one of them (a retry never applies twice), every outcome answered for a token is the
// same, and it is a decision on record in the ledger for a transaction of the token (there is one
// transaction per token when tokens work).
spec Idempotency observes eTxBegun, eTxStatus, eItemWritten, eTransactWriteItemsResponse {
    var tokenOf: map[int, int];
    // Token -> the transaction whose actions were applied.
    var appliedTx: map[int, int];
    // Token -> the decisions on record for its transactions.
    var decisions: map[int, set[tStatus]];
    // Token -> the outcome answered.
    var answered: map[int, tWriteResult];

    start state Watching {
        on eTxBegun do (r: tRecord) {
            tokenOf[r.txId] = r.token;
            if (!(r.token in decisions)) {
                decisions[r.token] = default(set[tStatus]);
            }
        }
        on eTxStatus do (d: (txId: int, status: tStatus)) {
            decisions[tokenOf[d.txId]] += (d.status);
        }
        on eItemWritten do (w: (item: int, txId: int, ts: int, write: tWrite, value: int, exists: bool)) {
            var token: int;
            if (w.txId == 0) {
                return;
            }
            token = tokenOf[w.txId];
            if (token in appliedTx) {
                assert appliedTx[token] == w.txId,
                    format("token {0} applied twice: by transaction {1} and by transaction {2}", token, appliedTx[token], w.txId);
            } else {
                appliedTx[token] = w.txId;
            }
        }
        on eTransactWriteItemsResponse do (r: (token: int, result: tWriteResult)) {
            if (r.result != TX_SUCCEEDED && r.result != TX_CANCELLED) {
                return;
            }
            if (r.token in answered) {
                assert answered[r.token] == r.result,
                    format("token {0} answered {1}, and before {2}", r.token, r.result, answered[r.token]);
            }
            answered[r.token] = r.result;
            assert (r.result == TX_SUCCEEDED && COMMITTED in decisions[r.token]) ||
                   (r.result == TX_CANCELLED && CANCELLED in decisions[r.token]),
                format("token {0} answered {1}, but the ledger's decisions for it are {2}", r.token, r.result, decisions[r.token]);
        }
    }
}
