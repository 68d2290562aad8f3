// The metadata index: the authoritative key -> version map, and the write path.
//
// A PUT or DELETE (eIndexWrite from a front end):
//   1. commit it to the journal, which gives it its sequence number;
//   2. record the sequence number at every witness, and wait for a write quorum of them: this is
//      the release point, before which no reader can see the version;
//   3. apply it (a version replaces an older one only), and send it to the read replica;
//   4. answer the front end, which acknowledges the client.
// Several writes are in progress at once (one per front end); their releases can come in any
// order, so the index applies by sequence number, not by arrival.
//
// Reads and lists wait until the index has applied what the front end's barrier asks for (a
// barrier can name a write that is committed but not yet released).
type tPendingWrite = (frontEnd: machine, reqId: int, key: int, version: tVersion, acks: int);
type tPendingRead = (frontEnd: machine, reqId: int, key: int, atLeast: int);
type tPendingList = (frontEnd: machine, reqId: int, atLeast: int);

machine Index receives eIndexWrite, eJournalCommitted, eWitnessRecordResp, eIndexRead, eIndexList;
              sends eJournalCommit, eWitnessRecord, eIndexWriteResp, eIndexReadResp, eIndexListResp, eIndexReplicate; {
    var journal: machine;
    var witnesses: seq[machine];
    var writeQuorum: int;
    // The read replica, or null.
    var replica: machine;
    var applied: map[int, tVersion];
    // Every sequence number up to `upTo` is applied, and those in `early` (above upTo + 1).
    var upTo: int;
    var early: set[int];
    // Writes committed and not yet released, by sequence number.
    var writes: map[int, tPendingWrite];
    var reads: seq[tPendingRead];
    var lists: seq[tPendingList];

    start state Init {
        entry (config: (journal: machine, witnesses: seq[machine], writeQuorum: int, replica: machine)) {
            journal = config.journal;
            witnesses = config.witnesses;
            writeQuorum = config.writeQuorum;
            replica = config.replica;
            goto Serving;
        }
    }

    state Serving {
        on eIndexWrite do (w: (frontEnd: machine, reqId: int, write: tWrite)) {
            send journal, eJournalCommit, (index = this, frontEnd = w.frontEnd, reqId = w.reqId, write = w.write);
        }
        on eJournalCommitted do (c: (frontEnd: machine, reqId: int, key: int, version: tVersion)) {
            var witness: machine;
            writes[c.version.seqNo] = (frontEnd = c.frontEnd, reqId = c.reqId, key = c.key, version = c.version, acks = 0);
            foreach (witness in witnesses) {
                send witness, eWitnessRecord, (index = this, key = c.key, seqNo = c.version.seqNo);
            }
        }
        on eWitnessRecordResp do (r: (witness: machine, key: int, seqNo: int)) {
            var w: tPendingWrite;
            // An acknowledgement beyond the quorum, for a write released already.
            if (!(r.seqNo in writes)) {
                return;
            }
            w = writes[r.seqNo];
            w.acks = w.acks + 1;
            if (w.acks < writeQuorum) {
                writes[r.seqNo] = w;
                return;
            }
            writes -= r.seqNo;
            Apply(w.key, w.version);
            send w.frontEnd, eIndexWriteResp, (reqId = w.reqId, key = w.key, seqNo = w.version.seqNo);
        }
        on eIndexRead do (r: tPendingRead) {
            if (VersionOf(r.key).seqNo >= r.atLeast) {
                send r.frontEnd, eIndexReadResp, (reqId = r.reqId, key = r.key, version = VersionOf(r.key));
            } else {
                reads += (sizeof(reads), r);
            }
        }
        on eIndexList do (l: tPendingList) {
            if (upTo >= l.atLeast) {
                send l.frontEnd, eIndexListResp, (reqId = l.reqId, objects = Objects(applied));
            } else {
                lists += (sizeof(lists), l);
            }
        }
    }

    fun Apply(key: int, version: tVersion) {
        var i: int;
        var progress: (upTo: int, early: set[int]);
        if (VersionOf(key).seqNo < version.seqNo) {
            applied[key] = version;
        }
        progress = Advance(upTo, early, version.seqNo);
        upTo = progress.upTo;
        early = progress.early;
        if (replica != null) {
            send replica, eIndexReplicate, (key = key, version = version);
        }
        // Answer the reads and lists that waited for this.
        i = 0;
        while (i < sizeof(reads)) {
            if (VersionOf(reads[i].key).seqNo >= reads[i].atLeast) {
                send reads[i].frontEnd, eIndexReadResp, (reqId = reads[i].reqId, key = reads[i].key, version = VersionOf(reads[i].key));
                reads -= i;
            } else {
                i = i + 1;
            }
        }
        i = 0;
        while (i < sizeof(lists)) {
            if (upTo >= lists[i].atLeast) {
                send lists[i].frontEnd, eIndexListResp, (reqId = lists[i].reqId, objects = Objects(applied));
                lists -= i;
            } else {
                i = i + 1;
            }
        }
    }

    fun VersionOf(key: int): tVersion {
        if (key in applied) {
            return applied[key];
        }
        return Absent();
    }
}

// A read replica of the index, for LISTs. The index streams it each version it applies; the
// replica keeps what arrives in a backlog and applies it when it has nothing else to do, so it
// lags behind the index. It answers a LIST once it has applied every sequence number up to the
// one the front end's barrier asks for.
machine IndexReplica receives eIndexReplicate, eIndexList; sends eIndexListResp; {
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
        if (upTo >= l.atLeast) {
            send l.frontEnd, eIndexListResp, (reqId = l.reqId, objects = Objects(applied));
        } else {
            lists += (sizeof(lists), l);
        }
    }
}

// The applied position after applying sequence number `seqNo`: every number up to `upTo` is applied,
// and those in `early`, which came before a smaller one.
fun Advance(upTo: int, early: set[int], seqNo: int): (upTo: int, early: set[int]) {
    early += (seqNo);
    while ((upTo + 1) in early) {
        upTo = upTo + 1;
        early -= upTo;
    }
    return (upTo = upTo, early = early);
}

// What a LIST returns: the keys that have an object (tombstones left out), with their versions.
fun Objects(applied: map[int, tVersion]): map[int, tVersion] {
    var key: int;
    var objects: map[int, tVersion];
    foreach (key in keys(applied)) {
        if (!applied[key].deleted) {
            objects[key] = applied[key];
        }
    }
    return objects;
}
