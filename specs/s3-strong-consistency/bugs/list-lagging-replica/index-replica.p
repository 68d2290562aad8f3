// Planted bug: the read replica answers a LIST from what it has applied, at once: the front end's
// barrier is taken, but the replica does not wait until it has applied that far, since it "is
// only a little behind".
//
// LaggingIndexReplica is the replica of PSrc/index.p with one change, in Listed. The test in
// test.p runs it in place of the real one (`LaggingIndexReplica -> IndexReplica`). A PUT is
// acknowledged while its version waits in the replica's backlog; a LIST that begins then leaves
// the key out, which breaks ListAfterWrite.
machine LaggingIndexReplica receives eIndexReplicate, eIndexList; sends eIndexListResp; {
    var applied: map[int, tVersion];
    var upTo: int;
    var early: set[int];
    // Versions received and not yet applied, in the order they came.
    var backlog: seq[(key: int, version: tVersion)];
    var lists: seq[tPendingList];

    start state Serving {
        on eIndexReplicate goto Behind with Received;
        on eIndexList do Listed;
    }

    state Behind {
        on eIndexReplicate do Received;
        on eIndexList do Listed;
        // Apply the oldest version of the backlog.
        on null do {
            var r: (key: int, version: tVersion);
            var i: int;
            var progress: (upTo: int, early: set[int]);
            r = backlog[0];
            backlog -= 0;
            if (!(r.key in applied) || applied[r.key].seqNo < r.version.seqNo) {
                applied[r.key] = r.version;
            }
            progress = Advance(upTo, early, r.version.seqNo);
            upTo = progress.upTo;
            early = progress.early;
            while (i < sizeof(lists)) {
                if (upTo >= lists[i].atLeast) {
                    send lists[i].frontEnd, eIndexListResp, (reqId = lists[i].reqId, objects = Objects(applied));
                    lists -= i;
                } else {
                    i = i + 1;
                }
            }
            if (sizeof(backlog) == 0) {
                goto Serving;
            }
        }
    }

    fun Received(r: (key: int, version: tVersion)) {
        backlog += (sizeof(backlog), r);
    }

    fun Listed(l: tPendingList) {
        // THE BUG: no wait for the replica to catch up with the barrier.
        send l.frontEnd, eIndexListResp, (reqId = l.reqId, objects = Objects(applied));
    }
}
