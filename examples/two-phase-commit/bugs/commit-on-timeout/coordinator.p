// Planted bug: a coordinator that commits when its timer fires before every vote is in.
//
// HastyCoordinator is the coordinator of PSrc/coordinator.p with one change, in its timeout
// handler. The test in test.p runs it in place of the real one: the binding
// `HastyCoordinator -> Coordinator` makes the driver's `new Coordinator(...)` create it. The
// shortest counterexample: a participant votes no, which aborts the transaction there, and the
// timer fires before the coordinator has read that vote; the coordinator commits, and the other
// participant, prepared, commits too.
machine HastyCoordinator receives eTransaction, eVote, eVoteTimeout; sends ePrepare, eDecision, eTransactionResult, eVoteTimerStart, eVoteTimerCancel; {
    var participants: seq[Participant];
    var timer: VoteTimer;
    var current: tTransaction;
    var yesVotes: int;
    // Participants that voted no in the current transaction.
    var refused: set[Participant];
    var timedOut: bool;

    start state Init {
        entry (ps: seq[Participant]) {
            participants = ps;
            timer = new VoteTimer(this);
            goto WaitForTransaction;
        }
    }

    state WaitForTransaction {
        on eTransaction goto Preparing with (t: tTransaction) {
            current = t;
        }
        // Votes and timeouts of a transaction decided already.
        ignore eVote, eVoteTimeout;
    }

    state Preparing {
        entry {
            var i: int;
            while (i < sizeof(participants)) {
                send participants[i], ePrepare, (coordinator = this, id = current.id);
                i = i + 1;
            }
            send timer, eVoteTimerStart, current.id;
        }
        defer eTransaction;
        on eVote do (v: tVoteMsg) {
            if (v.id != current.id) {
                return;
            }
            if (v.vote == VOTE_ABORT) {
                refused += (v.participant);
                Decide(ABORT);
            } else {
                yesVotes = yesVotes + 1;
                if (yesVotes == sizeof(participants)) {
                    Decide(COMMIT);
                }
            }
        }
        // THE BUG: silence is taken for consent. A participant that has not voted yet is assumed
        // to be slow and about to vote yes, so the coordinator commits. But the missing vote may be
        // a no, and the participant that cast it has aborted already.
        on eVoteTimeout do (id: int) {
            if (id != current.id) {
                return;
            }
            timedOut = true;
            Decide(COMMIT);
        }
        exit {
            yesVotes = 0;
            refused = default(set[Participant]);
            timedOut = false;
        }
    }

    // Tells the client and every participant that may be prepared the outcome, and takes the next
    // transaction. A participant that voted no has aborted already and needs no word. The timer
    // may have fired already; its timeout is then ignored, or told apart by its id during a later
    // transaction.
    fun Decide(outcome: tOutcome) {
        var i: int;
        if (!timedOut) {
            send timer, eVoteTimerCancel;
        }
        while (i < sizeof(participants)) {
            if (!(participants[i] in refused)) {
                send participants[i], eDecision, (id = current.id, outcome = outcome);
            }
            i = i + 1;
        }
        send current.client, eTransactionResult, (id = current.id, outcome = outcome);
        goto WaitForTransaction;
    }
}
