// The coordinator runs one transaction at a time; transactions that arrive meanwhile wait in its
// inbox (deferred) until the current one is decided.
machine Coordinator receives eTransaction, eVote; sends ePrepare, eDecision; {
    var participants: seq[Participant];
    var current: tTransaction;
    var yesVotes: int;

    start state Init {
        entry (ps: seq[Participant]) {
            participants = ps;
            goto WaitForTransaction;
        }
    }

    state WaitForTransaction {
        on eTransaction goto Preparing with (t: tTransaction) {
            current = t;
        }
        // Late votes of a transaction that was already aborted are dropped.
        ignore eVote;
    }

    state Preparing {
        entry {
            var p: Participant;
            yesVotes = 0;
            foreach (p in participants) {
                send p, ePrepare, (coordinator = this, id = current.id);
            }
        }
        defer eTransaction;
        on eVote do (v: tVoteMsg) {
            if (v.id != current.id) {
                return;
            }
            if (v.vote == VOTE_ABORT) {
                Decide(ABORTED);
                goto WaitForTransaction;
            }
            yesVotes = yesVotes + 1;
            if (yesVotes == sizeof(participants)) {
                Decide(COMMITTED);
                goto WaitForTransaction;
            }
        }
    }

    fun Decide(outcome: tOutcome) {
        var p: Participant;
        foreach (p in participants) {
            send p, eDecision, (id = current.id, outcome = outcome);
        }
        send current.client, eDecision, (id = current.id, outcome = outcome);
    }
}
