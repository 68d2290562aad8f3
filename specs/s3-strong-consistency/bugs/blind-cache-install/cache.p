// A control, not a bug: a cache partition that installs every fill, without comparing sequence
// numbers, so that a slow read-through can put an older version over a newer one. The witness
// barrier masks it: a front end serves an entry only if it is at least as new as the barrier, and
// reads an older one through to the index again. It costs a read-through, never a stale answer.
//
// BlindCachePartition is the partition of PSrc/cache.p with one change, in its handler of
// eCacheFill. The test in test.p runs it in place of the real one (`BlindCachePartition ->
// CachePartition`) with two readers, whose fills race; every property holds.
machine BlindCachePartition receives eCacheLookup, eCacheFill, eCacheFail; sends eCacheLookupResp; {
    var entries: map[int, tVersion];

    start state Serving {
        on eCacheLookup do (l: (frontEnd: machine, reqId: int, key: int)) {
            if (l.key in entries) {
                send l.frontEnd, eCacheLookupResp, (reqId = l.reqId, key = l.key, available = true, hit = true, version = entries[l.key]);
            } else {
                send l.frontEnd, eCacheLookupResp, (reqId = l.reqId, key = l.key, available = true, hit = false, version = Absent());
            }
        }
        // Fills race: a fill from a slow read can arrive after a newer one. Keep the newest.
        on eCacheFill do (f: (key: int, version: tVersion)) {
            // The change: no comparison; the last fill wins.
            entries[f.key] = f.version;
        }
        on eCacheFail goto Failed with {
            entries = default(map[int, tVersion]);
        }
    }

    state Failed {
        on eCacheLookup do (l: (frontEnd: machine, reqId: int, key: int)) {
            send l.frontEnd, eCacheLookupResp, (reqId = l.reqId, key = l.key, available = false, hit = false, version = Absent());
        }
        ignore eCacheFill, eCacheFail;
    }
}
