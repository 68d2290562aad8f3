// Single-decree Paxos with one proposer per ballot and three acceptors: a value is chosen when a
// majority accepts it, and no two different values are ever chosen.
type tPrepare = (proposer: Proposer, ballot: int);
type tPromise = (acceptor: Acceptor, ballot: int, acceptedBallot: int, acceptedValue: int);
type tAccept = (proposer: Proposer, ballot: int, value: int);
type tAccepted = (acceptor: Acceptor, ballot: int, value: int);

event ePrepare: tPrepare;
event ePromise: tPromise;
event eAccept: tAccept;
event eAccepted: tAccepted;
event eChosen: int;

machine Acceptor receives ePrepare, eAccept; sends ePromise, eAccepted; {
    var promised: int;
    var acceptedBallot: int;
    var acceptedValue: int;

    start state Serving {
        on ePrepare do (p: tPrepare) {
            if (p.ballot > promised) {
                promised = p.ballot;
                send p.proposer, ePromise, (acceptor = this, ballot = p.ballot, acceptedBallot = acceptedBallot, acceptedValue = acceptedValue);
            }
        }
        on eAccept do (a: tAccept) {
            if (a.ballot >= promised) {
                promised = a.ballot;
                acceptedBallot = a.ballot;
                acceptedValue = a.value;
                send a.proposer, eAccepted, (acceptor = this, ballot = a.ballot, value = a.value);
            }
        }
    }
}

machine Proposer receives ePromise, eAccepted; sends ePrepare, eAccept; {
    var acceptors: seq[Acceptor];
    var ballot: int;
    var value: int;
    var promises: set[Acceptor];
    var accepts: set[Acceptor];
    var highest: int;

    start state Preparing {
        entry (config: (acceptors: seq[Acceptor], ballot: int, value: int)) {
            var a: Acceptor;
            acceptors = config.acceptors;
            ballot = config.ballot;
            value = config.value;
            foreach (a in acceptors) {
                send a, ePrepare, (proposer = this, ballot = ballot);
            }
        }
        on ePromise do (p: tPromise) {
            promises += (p.acceptor);
            if (p.acceptedBallot > highest) {
                highest = p.acceptedBallot;
                value = p.acceptedValue;
            }
            if (sizeof(promises) * 2 > sizeof(acceptors)) {
                goto Accepting;
            }
        }
    }

    state Accepting {
        entry {
            var a: Acceptor;
            foreach (a in acceptors) {
                send a, eAccept, (proposer = this, ballot = ballot, value = value);
            }
        }
        ignore ePromise;
        on eAccepted do (r: tAccepted) {
            accepts += (r.acceptor);
            if (sizeof(accepts) * 2 > sizeof(acceptors)) {
                announce eChosen, value;
                goto Done;
            }
        }
    }

    state Done {
        ignore ePromise, eAccepted;
    }
}

spec OneValueChosen observes eChosen {
    var chosen: int;
    var decided: bool;

    start state Watching {
        on eChosen do (v: int) {
            if (decided) {
                assert v == chosen, format("{0} chosen after {1}", v, chosen);
            }
            chosen = v;
            decided = true;
        }
    }
}

machine PaxosSetup {
    start state Start {
        entry {
            var acceptors: seq[Acceptor];
            acceptors += (0, new Acceptor());
            acceptors += (1, new Acceptor());
            acceptors += (2, new Acceptor());
            new Proposer((acceptors = acceptors, ballot = 1, value = 100));
            new Proposer((acceptors = acceptors, ballot = 2, value = 200));
        }
    }
}

test Consensus [main=PaxosSetup]: assert OneValueChosen in { PaxosSetup, Acceptor, Proposer };
