// A witness replica: the latest sequence number it has been told of, per key. It keeps this in
// memory only. The index records every write at a write quorum of witnesses before the write
// becomes visible, and front ends read a read quorum of them (the read barrier) before trusting a
// cache entry; write and read quorums intersect (writeQuorum + readQuorum > nWitnesses).
//
// A witness that fails restarts at once with nothing in memory. Until it has re-read the journal
// it is recovering: it answers barriers "unknown" (it cannot tell how recent a cache entry must
// be), and still records and acknowledges writes (it keeps the maximum of what it is told and of
// what it reads back from the journal).
machine Witness receives eWitnessRecord, eWitnessBarrier, eWitnessListBarrier, eWitnessRebuildResp, eWitnessFail;
                sends eWitnessRecordResp, eWitnessBarrierResp, eWitnessRebuild; {
    var journal: machine;
    var latest: map[int, int];
    // The number of restarts: the journal's answer to an earlier one is out of date.
    var attempt: int;

    start state Init {
        entry (j: machine) {
            journal = j;
            goto Serving;
        }
    }

    state Serving {
        on eWitnessRecord do Record;
        on eWitnessBarrier do (b: (frontEnd: machine, reqId: int, key: int)) {
            send b.frontEnd, eWitnessBarrierResp, (reqId = b.reqId, known = true, seqNo = Latest(b.key));
        }
        on eWitnessListBarrier do (b: (frontEnd: machine, reqId: int)) {
            send b.frontEnd, eWitnessBarrierResp, (reqId = b.reqId, known = true, seqNo = LatestOfAll());
        }
        on eWitnessFail goto Recovering;
        ignore eWitnessRebuildResp;
    }

    state Recovering {
        entry {
            latest = default(map[int, int]);
            attempt = attempt + 1;
            send journal, eWitnessRebuild, (witness = this, attempt = attempt);
        }
        on eWitnessRecord do Record;
        on eWitnessBarrier do (b: (frontEnd: machine, reqId: int, key: int)) {
            send b.frontEnd, eWitnessBarrierResp, (reqId = b.reqId, known = false, seqNo = 0);
        }
        on eWitnessListBarrier do (b: (frontEnd: machine, reqId: int)) {
            send b.frontEnd, eWitnessBarrierResp, (reqId = b.reqId, known = false, seqNo = 0);
        }
        on eWitnessRebuildResp do (r: (attempt: int, latest: map[int, int])) {
            var key: int;
            if (r.attempt != attempt) {
                return;
            }
            foreach (key in keys(r.latest)) {
                if (Latest(key) < r.latest[key]) {
                    latest[key] = r.latest[key];
                }
            }
            goto Serving;
        }
        on eWitnessFail goto Recovering;
    }

    fun Record(r: (index: machine, key: int, seqNo: int)) {
        if (Latest(r.key) < r.seqNo) {
            latest[r.key] = r.seqNo;
        }
        send r.index, eWitnessRecordResp, (witness = this, key = r.key, seqNo = r.seqNo);
    }

    fun Latest(key: int): int {
        if (key in latest) {
            return latest[key];
        }
        return 0;
    }

    fun LatestOfAll(): int {
        var key: int;
        var most: int;
        foreach (key in keys(latest)) {
            if (latest[key] > most) {
                most = latest[key];
            }
        }
        return most;
    }
}
