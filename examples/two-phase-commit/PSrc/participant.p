// A participant votes on each transaction: it may refuse (a local constraint fails, say: modelled
// by a nondeterministic choice), and then aborts the transaction at once. A participant that voted
// yes keeps the transaction prepared until the coordinator's decision, and applies it, announcing
// what it applied to the specs.
machine Participant receives ePrepare, eDecision; sends eVote; {
    var prepared: set[int];

    start state Serving {
        on ePrepare do (req: tPrepare) {
            if ($) {
                prepared += (req.id);
                send req.coordinator, eVote, (participant = this, id = req.id, vote = VOTE_COMMIT);
            } else {
                // The vote is the abort: the specs see it go by.
                send req.coordinator, eVote, (participant = this, id = req.id, vote = VOTE_ABORT);
            }
        }
        on eDecision do (d: tDecision) {
            // A transaction this participant refused is aborted already.
            if (!(d.id in prepared)) {
                return;
            }
            prepared -= d.id;
            announce eApplied, (participant = this, id = d.id, outcome = d.outcome);
        }
    }
}
