// Leader election on a unidirectional ring (Chang and Roberts): each node sends its id to its
// successor, forwards larger ids, drops smaller ones, and is elected when its own id comes back.
event eSetup: (next: RingNode, id: int);
event eCandidate: int;
event eElected: int;
// Announced by the node that wins, for the spec: eElected itself also travels around the ring.
event eLeader: int;

machine RingNode receives eSetup, eCandidate, eElected; sends eCandidate, eElected; {
    var next: RingNode;
    var id: int;
    var leader: int;

    start state Init {
        on eSetup goto Electing with (s: (next: RingNode, id: int)) {
            next = s.next;
            id = s.id;
        }
        defer eCandidate, eElected;
    }

    state Electing {
        entry {
            send next, eCandidate, id;
        }
        on eCandidate do (other: int) {
            if (other > id) {
                send next, eCandidate, other;
            } else if (other == id) {
                announce eLeader, id;
                send next, eElected, id;
                goto Leader;
            }
        }
        on eElected goto Follower with (l: int) {
            leader = l;
            send next, eElected, l;
        }
    }

    state Leader {
        ignore eCandidate, eElected;
    }

    state Follower {
        ignore eCandidate, eElected;
    }
}

// Exactly one node is elected, and it has the largest id.
spec SingleLeader observes eLeader {
    var elected: bool;

    start state Watching {
        on eLeader do (id: int) {
            assert !elected, "two leaders were elected";
            assert id == 3, format("node {0} was elected instead of node 3", id);
            elected = true;
        }
    }
}

machine Ring {
    start state Build {
        entry {
            var nodes: seq[RingNode];
            var ids: seq[int];
            var i: int;
            ids += (0, 2);
            ids += (1, 3);
            ids += (2, 1);
            while (i < sizeof(ids)) {
                nodes += (i, new RingNode());
                i = i + 1;
            }
            i = 0;
            while (i < sizeof(nodes)) {
                send nodes[i], eSetup, (next = nodes[(i + 1) % sizeof(nodes)], id = ids[i]);
                i = i + 1;
            }
        }
    }
}

test Elect [main=Ring]: assert SingleLeader in { Ring, RingNode };
