// A model that uses std:failure-injector: a leader replicates one value to three followers and
// commits it once a majority (two of them) has acknowledged it. The injector may crash followers,
// up to `crashBudget` of them. One crash leaves a majority, so the value is always committed; two
// crashes can leave the leader waiting forever, which the liveness spec reports.
param crashBudget: int;

event eReplicate: (leader: machine, value: int);
event eAck: machine;
event eCommitted: int;

machine Follower receives eReplicate; sends eAck; {
    var stored: int;

    start state Serving {
        on eReplicate do (r: (leader: machine, value: int)) {
            stored = r.value;
            send r.leader, eAck, this;
        }
    }
}

machine Leader receives eAck; sends eReplicate, eCommitted; {
    var followers: set[Follower];
    var acked: set[machine];

    start state Init {
        entry {
            var f: Follower;
            while (sizeof(followers) < 3) {
                f = new Follower();
                followers += (f);
            }
            new FailureInjector((targets = followers, budget = crashBudget));
            goto Replicating;
        }
    }

    state Replicating {
        entry {
            var i: int;
            while (i < sizeof(followers)) {
                send followers[i], eReplicate, (leader = this, value = 7);
                i = i + 1;
            }
        }
        on eAck do (f: machine) {
            acked += (f);
            if (2 * sizeof(acked) > sizeof(followers)) {
                announce eCommitted, 7;
                goto Committed;
            }
        }
    }

    state Committed {
        ignore eAck;
    }
}

// Liveness: the leader commits.
spec LeaderCommits observes eCommitted {
    start hot state Waiting {
        on eCommitted goto Done;
    }

    cold state Done {
        ignore eCommitted;
    }
}

test param (crashBudget in [1, 2]) Replication [main=Leader]:
    assert LeaderCommits in { Leader, Follower, FailureInjector };
