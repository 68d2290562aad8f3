// A client submits a number of transactions, one after the other, and waits for each outcome.
machine Client receives eTransactionResult; sends eTransaction; {
    var coordinator: Coordinator;
    var next: int;
    var count: int;

    start state Init {
        entry (config: (coordinator: Coordinator, count: int)) {
            coordinator = config.coordinator;
            count = config.count;
            goto Submitting;
        }
    }

    state Submitting {
        entry {
            next = next + 1;
            send coordinator, eTransaction, (client = this, id = next);
        }
        on eTransactionResult do (d: tDecision) {
            assert d.id == next, format("outcome of {0} while waiting for {1}", d.id, next);
            if (next < count) {
                goto Submitting;
            }
            goto Done;
        }
    }

    state Done {
    }
}
