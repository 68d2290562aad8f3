// Progress (liveness): once a transaction is submitted, the client eventually hears its outcome,
// even when a participant crashes.
spec EventuallyDecided observes eTransaction, eTransactionResult {
    var open: set[int];

    start cold state NothingPending {
        on eTransaction goto Pending with (t: tTransaction) {
            open += (t.id);
        }
    }

    hot state Pending {
        on eTransaction do (t: tTransaction) {
            open += (t.id);
        }
        on eTransactionResult do (d: tDecision) {
            open -= d.id;
            if (sizeof(open) == 0) {
                goto NothingPending;
            }
        }
    }
}
