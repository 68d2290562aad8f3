// Acknowledgements (safety): no entry is acknowledged at two indexes or out of order, and no index
// is acknowledged with two entries. Acknowledged entries always form a prefix of the journal: an
// index is acknowledged only once every index before it has been. A tail that takes over
// acknowledges again entries the old tail may have acknowledged already; such a copy, the same
// entry at the same index, is allowed (the client drops it).
spec AcksInOrder observes eAppended {
    var acked: seq[tEntry];

    start state Watching {
        on eAppended do (a: (item: tEntry, index: int)) {
            if (a.index < sizeof(acked)) {
                assert acked[a.index] == a.item,
                    format("index {0} acknowledged with {1}, and before with {2}", a.index, a.item, acked[a.index]);
                return;
            }
            assert a.index == sizeof(acked),
                format("{0} acknowledged at index {1} before index {2}", a.item, a.index, sizeof(acked));
            assert !(a.item in acked),
                format("{0} acknowledged at index {1}, and before at another index: {2}", a.item, a.index, acked);
            acked += (a.index, a.item);
        }
    }
}
