// Inductive invariants in PVerifier's syntax for a one-round vote: a coordinator collects yes votes
// and commits only when every participant voted yes. Invariants are named or not, quantify over
// machine types and event types, and use `is`, `targets`, `inflight`, `sent`, `==>` and `<==>`.
event eRequestVote: Coordinator;
event eVoteYes: (voter: Participant);
event eVoteNo: (voter: Participant);
event eCommit;
event eAbort;

pure allParticipants(): set[Participant];
pure voted(p: Participant): bool;
pure quorum(n: int): int = n / 2 + 1;

machine Coordinator receives eVoteYes, eVoteNo; sends eRequestVote, eCommit, eAbort; {
    var participants: set[Participant];
    var yesVotes: set[Participant];

    start state Collecting {
        entry (ps: set[Participant]) {
            var p: Participant;
            participants = ps;
            foreach (p in participants) {
                send p, eRequestVote, this;
            }
        }
        on eVoteYes do (v: (voter: Participant)) {
            yesVotes += (v.voter);
            if (yesVotes == participants) {
                goto Committed;
            }
        }
        on eVoteNo goto Aborted;
    }

    state Committed {
        entry {
            var p: Participant;
            foreach (p in participants) {
                send p, eCommit;
            }
        }
        ignore eVoteYes, eVoteNo;
    }

    state Aborted {
        entry {
            var p: Participant;
            foreach (p in participants) {
                send p, eAbort;
            }
        }
        ignore eVoteYes, eVoteNo;
    }
}

machine Participant receives eRequestVote, eCommit, eAbort; sends eVoteYes, eVoteNo; {
    var acceptable: bool;

    start state Undecided {
        on eRequestVote do (c: Coordinator) {
            if (acceptable) {
                send c, eVoteYes, (voter = this,);
            } else {
                send c, eVoteNo, (voter = this,);
            }
        }
        on eCommit goto Accepted;
        on eAbort goto Rejected;
    }

    state Accepted {
        ignore eRequestVote, eCommit;
    }

    state Rejected {
        ignore eRequestVote, eAbort;
    }
}

init-condition forall (p: Participant) :: p is Undecided;
init-condition forall (c: Coordinator) :: c is Collecting && c.yesVotes == default(set[Participant]);
axiom quorum(3) == 2;
axiom forall (c: Coordinator, p: Participant) :: c.participants == allParticipants() && p in allParticipants();

invariant one_coordinator: forall (c1: Coordinator, c2: Coordinator) :: c1 == c2;
invariant forall (e: eVoteYes) :: sent e ==> e.voter.acceptable;
invariant yes_votes_are_real: forall (c: Coordinator, p: Participant) :: p in c.yesVotes ==> p.acceptable;
invariant commit_means_all_yes: forall (e: eCommit, p: Participant) :: inflight e && e targets p ==> p.acceptable;
invariant accepted_iff_commit: forall (p: Participant) :: p is Accepted <==> (exists (c: Coordinator) :: c is Committed) && !(p is Rejected);
invariant no_vote_means_abort: forall (e: eVoteNo, c: Coordinator) :: e targets c && !inflight e ==> c is Aborted || c is Committed;
invariant messages_have_kinds: forall (e: event) :: inflight e ==> e is eRequestVote || e is eVoteYes || e is eVoteNo || e is eCommit || e is eAbort;
invariant coordinators_are_machines: forall (m: machine) :: m is Coordinator ==> !(m is Participant);

Lemma votes {
    invariant yes_implies_acceptable: forall (e: eVoteYes) :: inflight e ==> e.voter.acceptable;
    invariant no_implies_unacceptable: forall (e: eVoteNo) :: inflight e ==> !e.voter.acceptable;
}

Theorem atomicity {
    invariant committed_all_yes: forall (c: Coordinator, p: Participant) :: c is Committed ==> p.acceptable;
}

Proof {
    prove votes;
    prove yes_votes_are_real using votes;
    prove atomicity using votes, yes_votes_are_real, default;
    prove commit_means_all_yes, accepted_iff_commit using atomicity;
    prove default;
}

Proof secondary {
    prove no_vote_means_abort, one_coordinator using default;
}
