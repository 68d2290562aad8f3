machine ThreeParticipants {
    start state Start {
        entry {
            var ps: seq[Participant];
            var coordinator: Coordinator;
            var i: int;
            while (i < 3) {
                ps += (i, new Participant());
                i = i + 1;
            }
            coordinator = new Coordinator();
            send coordinator, eStart, ps;
        }
    }
}

module Protocol = { Coordinator, Participant };

test AtomicCommit [main=ThreeParticipants]: assert Atomicity, Progress in (union Protocol, { ThreeParticipants });
