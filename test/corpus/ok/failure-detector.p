// A failure detector: it pings every node each round and arms a timer; nodes that have not answered
// when the timer fires are suspected. Nodes may crash (halt) at any time; the timer is modelled as
// a machine that fires nondeterministically or when cancelled.
event ePing: FailureDetector;
event ePong: Node;
event eStartTimer;
event eCancelTimer;
event eTimeout;
event eSuspect: Node;

machine Timer receives eStartTimer, eCancelTimer; sends eTimeout; {
    var owner: FailureDetector;

    start state Init {
        entry (o: FailureDetector) {
            owner = o;
            goto Stopped;
        }
    }

    state Stopped {
        on eStartTimer goto Running;
        ignore eCancelTimer;
    }

    state Running {
        on null goto Stopped with {
            send owner, eTimeout;
        }
        on eCancelTimer goto Stopped;
        ignore eStartTimer;
    }
}

machine Node receives ePing; sends ePong; {
    start state Alive {
        on ePing do (detector: FailureDetector) {
            if ($) {
                send detector, ePong, this;
            } else {
                raise halt;
            }
        }
    }
}

machine FailureDetector receives ePong, eTimeout; sends ePing, eStartTimer, eCancelTimer; {
    var nodes: set[Node];
    var responded: set[Node];
    var suspected: set[Node];
    var timer: Timer;
    var rounds: int;

    start state Init {
        entry (ns: set[Node]) {
            nodes = ns;
            timer = new Timer(this);
            goto Probing;
        }
    }

    state Probing {
        entry {
            var n: Node;
            responded = default(set[Node]);
            foreach (n in nodes) {
                if (!(n in suspected)) {
                    send n, ePing, this;
                }
            }
            send timer, eStartTimer;
        }
        on ePong do (n: Node) {
            responded += (n);
            if (sizeof(responded) + sizeof(suspected) == sizeof(nodes)) {
                send timer, eCancelTimer;
                goto Resting;
            }
        }
        on eTimeout do {
            var n: Node;
            foreach (n in nodes) {
                if (!(n in responded) && !(n in suspected)) {
                    suspected += (n);
                    announce eSuspect, n;
                }
            }
            goto Resting;
        }
    }

    state Resting {
        entry {
            rounds = rounds + 1;
            if (rounds < 3) {
                goto Probing;
            }
        }
        ignore ePong, eTimeout;
    }
}

// A node is suspected at most once.
spec SuspectOnce observes eSuspect {
    var seen: set[Node];

    start state Watching {
        on eSuspect do (n: Node) {
            assert !(n in seen), "a node was suspected twice";
            seen += (n);
        }
    }
}

machine Cluster {
    start state Start {
        entry {
            var ns: set[Node];
            ns += (new Node());
            ns += (new Node());
            new FailureDetector(ns);
        }
    }
}

test DetectCrashes [main=Cluster]: assert SuspectOnce in { Cluster, FailureDetector, Node, Timer };
