// A partition of the metadata cache: key -> the version it last installed. Any front end may use
// any partition, so a write's version reaches one partition while another still holds an older
// one: the cache alone is eventually consistent, and the witness barrier is what makes a hit safe.
//
// A failed partition has lost its entries and answers every lookup "not available" (the front
// end's timeout, made immediate); the front end then bypasses it.
machine CachePartition receives eCacheLookup, eCacheFill, eCacheFail; sends eCacheLookupResp; {
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
            if (!(f.key in entries) || entries[f.key].seqNo < f.version.seqNo) {
                entries[f.key] = f.version;
            }
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

// The version of a key never written: a 404.
fun Absent(): tVersion {
    return (seqNo = 0, value = 0, deleted = true);
}
