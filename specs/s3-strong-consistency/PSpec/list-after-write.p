// List-after-write (safety): a LIST agrees with the writes acknowledged and the GETs completed
// before it began. For each key, let the floor be the newest of these versions. The LIST must list
// the key with a version at least the floor; or leave it out, when the floor is a tombstone or a
// DELETE of the key newer than the floor was committed.
spec ListAfterWrite observes eJournalCommitted, ePutResp, eDeleteResp, eGetResp, eList, eListResp {
    // The journal's commits: sequence number -> (key, tombstone or not).
    var commits: map[int, (key: int, deleted: bool)];
    // For each key, the newest version acknowledged to a writer or returned by a completed GET.
    var floor: map[int, int];
    // For each LIST in progress, the floors when it began.
    var owed: map[int, map[int, int]];

    start state Watching {
        on eJournalCommitted do (c: (frontEnd: machine, reqId: int, key: int, version: tVersion)) {
            commits[c.version.seqNo] = (key = c.key, deleted = c.version.deleted);
        }
        on ePutResp do (r: (reqId: int, key: int, seqNo: int)) {
            Raise(r.key, r.seqNo);
        }
        on eDeleteResp do (r: (reqId: int, key: int, seqNo: int)) {
            Raise(r.key, r.seqNo);
        }
        on eGetResp do (r: (reqId: int, key: int, version: tVersion)) {
            Raise(r.key, r.version.seqNo);
        }
        on eList do (l: (client: machine, reqId: int)) {
            owed[l.reqId] = floor;
        }
        on eListResp do (r: (reqId: int, objects: map[int, tVersion])) {
            var must: map[int, int];
            var key: int;
            must = owed[r.reqId];
            owed -= r.reqId;
            foreach (key in keys(must)) {
                if (key in r.objects) {
                    assert r.objects[key].seqNo >= must[key],
                        format("LIST {0} returned key {1} at version {2}, older than version {3}, acknowledged or read before the LIST began",
                            r.reqId, key, r.objects[key], must[key]);
                } else {
                    assert DeletedSince(key, must[key]),
                        format("LIST {0} left out key {1}, whose version {2} was acknowledged or read before the LIST began, and which no later DELETE removed",
                            r.reqId, key, must[key]);
                }
            }
        }
    }

    fun Raise(key: int, seqNo: int) {
        if (Known(floor, key) < seqNo) {
            floor[key] = seqNo;
        }
    }

    // Whether version `from` of the key, or a committed write after it, is a tombstone.
    fun DeletedSince(key: int, from: int): bool {
        var s: int;
        if (from == 0) {
            return true;
        }
        foreach (s in keys(commits)) {
            if (s >= from && commits[s].key == key && commits[s].deleted) {
                return true;
            }
        }
        return false;
    }
}
