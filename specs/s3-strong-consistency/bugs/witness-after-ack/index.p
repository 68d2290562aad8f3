// Planted bug: the index applies and acknowledges a write as soon as the journal has committed it,
// and records it at the witnesses afterwards: the witness round trip looked like latency that a
// background update could hide.
//
// LateWitnessIndex is the index of PSrc/index.p with one change, in the handler of the journal's
// commit. The test in test.p runs it in place of the real one (`LateWitnessIndex -> Index`). After
// the acknowledgement, and until the witness has the write, a barrier still names the version
// before it, so a cache entry of that version looks fresh: a reader whose first GET cached the 404
// reads the 404 again after the write was acknowledged, which breaks ReadAfterWrite.
machine LateWitnessIndex receives eIndexWrite, eJournalCommitted, eWitnessRecordResp, eIndexRead, eIndexList;
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
            // THE BUG: visible and acknowledged before the witnesses know of it.
            Apply(c.key, c.version);
            send c.frontEnd, eIndexWriteResp, (reqId = c.reqId, key = c.key, seqNo = c.version.seqNo);
            foreach (witness in witnesses) {
                send witness, eWitnessRecord, (index = this, key = c.key, seqNo = c.version.seqNo);
            }
        }
        ignore eWitnessRecordResp;
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
