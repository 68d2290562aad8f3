// A grow-only counter (a CRDT): replicas increment their own slot and merge by taking the maximum
// of each slot, so all replicas converge to the same value whatever the order of merges.
type tCounts = map[int, int];

event eIncrement;
event eMerge: tCounts;
event eGossipTo: GCounter;
event eValueIs: int;

fun MergeCounts(a: tCounts, b: tCounts): tCounts {
    var k: int;
    var out: tCounts;
    out = a;
    foreach (k in keys(b)) {
        if (!(k in out) || out[k] < b[k]) {
            out[k] = b[k];
        }
    }
    return out;
}

fun Total(c: tCounts): int {
    var v: int;
    var t: int;
    foreach (v in values(c)) {
        t = t + v;
    }
    return t;
}

machine GCounter receives eIncrement, eMerge, eGossipTo; sends eMerge; {
    var id: int;
    var counts: tCounts;

    start state Running {
        entry (myId: int) {
            id = myId;
            counts[id] = 0;
        }
        on eIncrement do {
            counts[id] = counts[id] + 1;
        }
        on eMerge do (other: tCounts) {
            var before: int;
            before = Total(counts);
            counts = MergeCounts(counts, other);
            assert Total(counts) >= before, "merging lost increments";
            announce eValueIs, Total(counts);
        }
        on eGossipTo do (peer: GCounter) {
            send peer, eMerge, counts;
        }
    }
}

spec Monotonic observes eValueIs {
    var highest: int;

    start state Watching {
        on eValueIs do (v: int) {
            if (v > highest) {
                highest = v;
            }
        }
    }
}

machine Replicas sends eIncrement, eGossipTo; {
    start state Start {
        entry {
            var a: GCounter;
            var b: GCounter;
            a = new GCounter(0);
            b = new GCounter(1);
            send a, eIncrement;
            send b, eIncrement;
            send b, eIncrement;
            send a, eGossipTo, b;
            send b, eGossipTo, a;
        }
    }
}

test Converge [main=Replicas]: assert Monotonic in { Replicas, GCounter };
