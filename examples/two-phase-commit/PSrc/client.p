// A client submits a number of transactions and waits for each decision.
machine Client receives eDecision; sends eTransaction; {
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
        on eDecision do (d: tDecision) {
            assert d.id == next, format("decision for {0} while waiting for {1}", d.id, next);
            if (next < count) {
                goto Submitting;
            }
            goto Done;
        }
    }

    state Done {
    }
}
