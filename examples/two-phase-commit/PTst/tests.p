// Test drivers: a coordinator with a number of participants and one client. With
// `participantCrash` the driver may also crash a participant, at any point of the run after it
// has set the system up, by sending it `halt` (std:failure-injector does this in general).
//
// bugs/commit-on-timeout holds a planted bug and its test, CommitOnTimeout, which fails. To check
// only the correct design: pith check examples/two-phase-commit -t TwoParticipants -t ManyParticipants
param nParticipants: int;
param nTransactions: int;
param participantCrash: bool;

machine TestDriver {
    start state Start {
        entry {
            var ps: seq[Participant];
            var coordinator: Coordinator;
            var i: int;
            var n: int;
            n = nParticipants;
            if (n == 0) {
                n = 2;
            }
            while (i < n) {
                ps += (i, new Participant());
                i = i + 1;
            }
            coordinator = new Coordinator(ps);
            if (nTransactions == 0) {
                new Client((coordinator = coordinator, count = 1));
            } else {
                new Client((coordinator = coordinator, count = nTransactions));
            }
            // The participants are alike, so crashing the first covers crashing any.
            if (participantCrash && $) {
                send ps[0], halt;
            }
        }
    }
}

module TwoPhaseCommit = { Coordinator, Participant, Client, VoteTimer };

// Two participants, two transactions in a row: a late timeout of the first one may reach the
// coordinator during the second.
test param (nTransactions in [2]) TwoParticipants [main=TestDriver]:
    assert Atomicity, EventuallyDecided in (union TwoPhaseCommit, { TestDriver });
// Two and three participants, one transaction, with and without a crash.
test param (nParticipants in [2, 3], participantCrash in [false, true]) ManyParticipants [main=TestDriver]:
    assert Atomicity, EventuallyDecided in (union TwoPhaseCommit, { TestDriver });
