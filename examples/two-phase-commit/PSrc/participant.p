// A participant votes on each transaction (it may refuse, for instance when a local constraint
// fails: modelled by a nondeterministic choice) and applies the coordinator's decision.
machine Participant receives ePrepare, eDecision; sends eVote; {
    var applied: map[int, tOutcome];

    start state Serving {
        on ePrepare do (req: tPrepare) {
            var vote: tVote;
            vote = VOTE_ABORT;
            if ($) {
                vote = VOTE_COMMIT;
            }
            send req.coordinator, eVote, (participant = this, id = req.id, vote = vote);
        }
        on eDecision do (d: tDecision) {
            assert !(d.id in applied), format("transaction {0} decided twice", d.id);
            applied[d.id] = d.outcome;
            announce eApplied, (participant = this, id = d.id, outcome = d.outcome);
        }
    }
}
