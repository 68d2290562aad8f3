// Test drivers: a coordinator with a number of participants and one client.
param nParticipants: int;

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
            new Client((coordinator = coordinator, count = 2));
        }
    }
}

module TwoPhaseCommit = { Coordinator, Participant, Client };

test TwoParticipants [main=TestDriver]: assert Atomicity, EventuallyDecided in (union TwoPhaseCommit, { TestDriver });
test param (nParticipants in [1, 2, 3]) ManyParticipants [main=TestDriver]: assert Atomicity in (union TwoPhaseCommit, { TestDriver });
