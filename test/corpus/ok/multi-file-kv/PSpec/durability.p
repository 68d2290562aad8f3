// Every get after a put of the same key finds it.
spec Durability observes eObservedPut, eObservedGet {
    var written: set[tKey];

    start state Watching {
        on eObservedPut do (p: tPut) {
            written += (p.key);
        }
        on eObservedGet do (g: tGetResp) {
            if (g.key in written) {
                assert g.present, format("lost {0}", g.key);
            }
        }
    }
}
