// Two-phase commit: a coordinator asks every participant to prepare a transaction, collects their
// votes, and tells them all to commit only when every vote was yes.
enum Vote { YES, NO }
enum Outcome { COMMITTED, ABORTED }

type tPrepare = (coordinator: Coordinator, txn: int);
type tVote = (participant: Participant, txn: int, vote: Vote);
type tDecision = (txn: int, outcome: Outcome);

event ePrepare: tPrepare;
event eVote: tVote;
event eDecision: tDecision;
event eStart: seq[Participant];

machine Coordinator receives eStart, eVote; sends ePrepare, eDecision; {
    var participants: seq[Participant];
    var yesVotes: set[Participant];
    var txn: int;

    start state Init {
        on eStart goto Preparing with (ps: seq[Participant]) {
            participants = ps;
            txn = txn + 1;
        }
    }

    state Preparing {
        entry {
            var p: Participant;
            yesVotes = default(set[Participant]);
            foreach (p in participants) {
                send p, ePrepare, (coordinator = this, txn = txn);
            }
        }
        on eVote do (v: tVote) {
            if (v.txn != txn) {
                return;
            }
            if (v.vote == NO) {
                Decide(ABORTED);
                goto Decided;
            }
            yesVotes += (v.participant);
            if (sizeof(yesVotes) == sizeof(participants)) {
                Decide(COMMITTED);
                goto Decided;
            }
        }
    }

    state Decided {
        ignore eVote;
    }

    fun Decide(outcome: Outcome) {
        var p: Participant;
        announce eDecision, (txn = txn, outcome = outcome);
        foreach (p in participants) {
            send p, eDecision, (txn = txn, outcome = outcome);
        }
    }
}

machine Participant receives ePrepare, eDecision; sends eVote; {
    var outcome: Outcome;
    var decided: bool;

    start state Ready {
        on ePrepare do (req: tPrepare) {
            if ($) {
                send req.coordinator, eVote, (participant = this, txn = req.txn, vote = YES);
            } else {
                send req.coordinator, eVote, (participant = this, txn = req.txn, vote = NO);
            }
        }
        on eDecision goto Finished with (d: tDecision) {
            outcome = d.outcome;
            decided = true;
        }
    }

    state Finished {
        ignore ePrepare, eDecision;
    }
}
