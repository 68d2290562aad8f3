// Read-after-write (safety): a GET that begins after a PUT or DELETE of its key was acknowledged
// returns that write's version or a newer one. A DELETE's version is a tombstone (a 404), and a
// key never written reads as sequence number 0 (a 404 too). A request begins when the client sends
// it, and a write is acknowledged when its front end sends the answer.
spec ReadAfterWrite observes ePutResp, eDeleteResp, eGet, eGetResp {
    // The latest acknowledged write of each key.
    var acked: map[int, int];
    // For each GET in progress, the least sequence number it may return.
    var floors: map[int, int];

    start state Watching {
        on ePutResp do (r: (reqId: int, key: int, seqNo: int)) {
            Ack(r.key, r.seqNo);
        }
        on eDeleteResp do (r: (reqId: int, key: int, seqNo: int)) {
            Ack(r.key, r.seqNo);
        }
        on eGet do (g: (client: machine, reqId: int, key: int)) {
            floors[g.reqId] = Known(acked, g.key);
        }
        on eGetResp do (r: (reqId: int, key: int, version: tVersion)) {
            assert r.version.seqNo >= floors[r.reqId],
                format("GET {0} of key {1} returned version {2}, older than write {3}, acknowledged before the GET began",
                    r.reqId, r.key, r.version, floors[r.reqId]);
            floors -= r.reqId;
        }
    }

    fun Ack(key: int, seqNo: int) {
        if (Known(acked, key) < seqNo) {
            acked[key] = seqNo;
        }
    }
}

// The sequence number a map holds for a key, 0 if none.
fun Known(m: map[int, int], key: int): int {
    if (key in m) {
        return m[key];
    }
    return 0;
}
