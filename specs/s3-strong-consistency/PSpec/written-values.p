// No phantom versions (safety): every version a GET or a LIST returns was written: the journal
// committed that sequence number for that key, with that value (or tombstone). A key never written
// reads as sequence number 0, a 404.
spec OnlyWrittenValues observes eJournalCommitted, eGetResp, eListResp {
    // Every committed write: sequence number -> key and version.
    var written: map[int, (key: int, version: tVersion)];

    start state Watching {
        on eJournalCommitted do (c: (frontEnd: machine, reqId: int, key: int, version: tVersion)) {
            written[c.version.seqNo] = (key = c.key, version = c.version);
        }
        on eGetResp do (r: (reqId: int, key: int, version: tVersion)) {
            Check(r.key, r.version, format("GET {0}", r.reqId));
        }
        on eListResp do (r: (reqId: int, objects: map[int, tVersion])) {
            var key: int;
            foreach (key in keys(r.objects)) {
                assert !r.objects[key].deleted, format("LIST {0} returned a tombstone for key {1}", r.reqId, key);
                Check(key, r.objects[key], format("LIST {0}", r.reqId));
            }
        }
    }

    fun Check(key: int, version: tVersion, what: string) {
        if (version.seqNo == 0) {
            assert version.deleted && version.value == 0,
                format("{0} returned {1} for key {2}, a version of sequence number 0 that is not the 404 of a key never written", what, version, key);
            return;
        }
        assert version.seqNo in written && written[version.seqNo] == (key = key, version = version),
            format("{0} returned {1} for key {2}, which no committed write made", what, version, key);
    }
}
