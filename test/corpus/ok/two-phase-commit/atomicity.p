// Atomicity: every participant that voted no sees the transaction aborted, and a commit is only
// announced after every participant voted yes.
spec Atomicity observes eVote, eDecision {
    var votes: map[int, map[Participant, Vote]];

    start state Watching {
        on eVote do (v: tVote) {
            if (!(v.txn in votes)) {
                votes[v.txn] = default(map[Participant, Vote]);
            }
            votes[v.txn][v.participant] = v.vote;
        }
        on eDecision do (d: tDecision) {
            var vote: Vote;
            if (d.outcome == COMMITTED) {
                assert d.txn in votes, "commit without votes";
                foreach (vote in values(votes[d.txn])) {
                    assert vote == YES, format("transaction {0} committed with a no vote", d.txn);
                }
            }
        }
    }
}

// Every transaction is eventually decided.
spec Progress observes ePrepare, eDecision {
    start cold state Idle {
        on ePrepare goto Undecided;
        ignore eDecision;
    }

    hot state Undecided {
        ignore ePrepare;
        on eDecision goto Idle;
    }
}
