// Reads are linearizable (safety): a read returns a journal that holds every entry acknowledged
// before the read began, and every entry returned by a read that completed before it began, each
// at its index. A read begins when the client first sends it, and completes when the client takes
// the answer.
spec ReadsSeeAcked observes eAppended, eRead, eReadDone {
    // What a read that begins now must return: index -> entry.
    var known: map[int, tEntry];
    // For each read in progress, what it must return.
    var owed: map[(client: machine, id: int), map[int, tEntry]];

    start state Watching {
        on eAppended do (a: (item: tEntry, index: int)) {
            Learn(a.index, a.item, "acknowledged");
        }
        on eRead do (r: (client: machine, id: int)) {
            // A read sent again to a new tail began when it was first sent.
            if (!(r in owed)) {
                owed[r] = known;
            }
        }
        on eReadDone do (d: (client: machine, id: int, log: seq[tEntry])) {
            var must: map[int, tEntry];
            var index: int;
            var holds: bool;
            must = owed[(client = d.client, id = d.id)];
            owed -= (client = d.client, id = d.id);
            foreach (index in keys(must)) {
                holds = HoldsAt(d.log, index, must[index]);
                assert holds,
                    format("read {0} of {1} returned {2}, without {3} at index {4}, which was acknowledged or read before the read began",
                        d.id, d.client, d.log, must[index], index);
            }
            index = 0;
            while (index < sizeof(d.log)) {
                Learn(index, d.log[index], "read");
                index = index + 1;
            }
        }
    }

    fun Learn(index: int, item: tEntry, how: string) {
        if (index in known) {
            assert known[index] == item,
                format("{0} {1} at index {2}, where {3} was acknowledged or read before", how, item, index, known[index]);
        } else {
            known[index] = item;
        }
    }
}
