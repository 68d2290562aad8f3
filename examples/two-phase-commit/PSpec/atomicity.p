// Atomicity: all participants apply the same outcome to a transaction.
spec Atomicity observes eApplied {
    var outcomes: map[int, tOutcome];

    start state Watching {
        on eApplied do (a: (participant: Participant, id: int, outcome: tOutcome)) {
            if (a.id in outcomes) {
                assert outcomes[a.id] == a.outcome,
                    format("transaction {0} is {1} at {2} but {3} elsewhere", a.id, a.outcome, a.participant, outcomes[a.id]);
            } else {
                outcomes[a.id] = a.outcome;
            }
        }
    }
}

// Progress: once a transaction is submitted, the client eventually hears the decision.
spec EventuallyDecided observes eTransaction, eDecision {
    var open: set[int];

    start cold state NothingPending {
        on eTransaction goto Pending with (t: tTransaction) {
            open += (t.id);
        }
        ignore eDecision;
    }

    hot state Pending {
        on eTransaction do (t: tTransaction) {
            open += (t.id);
        }
        on eDecision do (d: tDecision) {
            open -= d.id;
            if (sizeof(open) == 0) {
                goto NothingPending;
            }
        }
    }
}
