// Atomicity (safety): no participant commits a transaction that another one aborted. A
// participant aborts when it votes no, and applies the coordinator's decision when it voted yes.
spec Atomicity observes eVote, eApplied {
    var outcomes: map[int, tOutcome];

    start state Watching {
        on eVote do (v: tVoteMsg) {
            if (v.vote == VOTE_ABORT) {
                Record(v.participant, v.id, ABORT);
            }
        }
        on eApplied do (a: (participant: Participant, id: int, outcome: tOutcome)) {
            Record(a.participant, a.id, a.outcome);
        }
    }

    fun Record(participant: Participant, id: int, outcome: tOutcome) {
        if (id in outcomes) {
            assert outcomes[id] == outcome,
                format("transaction {0} is {1} at {2} but {3} elsewhere", id, outcome, participant, outcomes[id]);
        } else {
            outcomes[id] = outcome;
        }
    }
}
