// Reads never go back (safety): a GET returns a version at least as new as every version of its
// key returned by a GET that completed before it began, whoever made it. With read-after-write,
// this makes each key's GETs linearizable; in particular each client's reads are monotonic.
spec MonotonicReads observes eGet, eGetResp {
    // The newest version of each key that a completed GET returned.
    var returned: map[int, int];
    // For each GET in progress, the least sequence number it may return.
    var floors: map[int, int];

    start state Watching {
        on eGet do (g: (client: machine, reqId: int, key: int)) {
            floors[g.reqId] = Known(returned, g.key);
        }
        on eGetResp do (r: (reqId: int, key: int, version: tVersion)) {
            assert r.version.seqNo >= floors[r.reqId],
                format("GET {0} of key {1} returned version {2}, older than version {3}, returned by a GET that completed before it began",
                    r.reqId, r.key, r.version, floors[r.reqId]);
            floors -= r.reqId;
            if (Known(returned, r.key) < r.version.seqNo) {
                returned[r.key] = r.version.seqNo;
            }
        }
    }
}
