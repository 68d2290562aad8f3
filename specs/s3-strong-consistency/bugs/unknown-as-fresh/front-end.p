// Planted bug: a witness that answers "unknown" (it has restarted and not yet re-read the journal)
// is counted as having no write of the key, so the cache entry looks fresh; the fallback read
// through to the index was meant for witnesses that do not answer at all.
//
// OptimisticFrontEnd is the front end of PSrc/front-end.p with one change, in Count. The test in
// test.p runs it in place of the real one (`OptimisticFrontEnd -> FrontEnd`), with one witness
// and one witness failure. A reader's first GET caches the 404; the key is written and
// acknowledged; the witness fails and restarts; the reader's next GET gets "unknown" from it and
// returns the cached 404, which breaks ReadAfterWrite.
machine OptimisticFrontEnd receives ePut, eDelete, eGet, eList, eCacheLookupResp, eWitnessBarrierResp, eIndexWriteResp,
                          eIndexReadResp, eIndexListResp;
                 sends ePutResp, eDeleteResp, eGetResp, eListResp, eCacheLookup, eCacheFill, eWitnessBarrier,
                       eWitnessListBarrier, eIndexWrite, eIndexRead, eIndexList; {
    var partitions: set[machine];
    var witnesses: seq[machine];
    var readQuorum: int;
    var index: machine;
    // The index's read replica (null: none; lists then go to the index).
    var replica: machine;

    // The request in progress.
    var client: machine;
    var reqId: int;
    var key: int;
    var deleting: bool;
    // GET: the partition, its answer, and the barrier so far.
    var partition: machine;
    var looked: bool;
    var lookup: (available: bool, hit: bool, version: tVersion);
    var answers: int;
    var unknown: bool;
    var barrier: int;
    // GET: whether to install what the index returns.
    var fill: bool;

    start state Init {
        entry (config: (partitions: set[machine], witnesses: seq[machine], readQuorum: int, index: machine, replica: machine)) {
            partitions = config.partitions;
            witnesses = config.witnesses;
            readQuorum = config.readQuorum;
            index = config.index;
            replica = config.replica;
            goto Idle;
        }
    }

    state Idle {
        on ePut do (p: (client: machine, reqId: int, key: int, value: int)) {
            Begin(p.client, p.reqId, p.key);
            deleting = false;
            send index, eIndexWrite, (frontEnd = this, reqId = reqId, write = (key = key, value = p.value, deleted = false));
            goto Writing;
        }
        on eDelete do (d: (client: machine, reqId: int, key: int)) {
            Begin(d.client, d.reqId, d.key);
            deleting = true;
            send index, eIndexWrite, (frontEnd = this, reqId = reqId, write = (key = key, value = 0, deleted = true));
            goto Writing;
        }
        on eGet do (g: (client: machine, reqId: int, key: int)) {
            var witness: machine;
            Begin(g.client, g.reqId, g.key);
            partition = choose(partitions);
            send partition, eCacheLookup, (frontEnd = this, reqId = reqId, key = key);
            foreach (witness in witnesses) {
                send witness, eWitnessBarrier, (frontEnd = this, reqId = reqId, key = key);
            }
            goto Getting;
        }
        on eList do (l: (client: machine, reqId: int)) {
            var witness: machine;
            Begin(l.client, l.reqId, -1);
            foreach (witness in witnesses) {
                send witness, eWitnessListBarrier, (frontEnd = this, reqId = reqId);
            }
            goto Listing;
        }
        ignore eWitnessBarrierResp;
    }

    state Writing {
        on eIndexWriteResp do (r: (reqId: int, key: int, seqNo: int)) {
            if (deleting) {
                send client, eDeleteResp, (reqId = reqId, key = key, seqNo = r.seqNo);
            } else {
                send client, ePutResp, (reqId = reqId, key = key, seqNo = r.seqNo);
            }
            goto Idle;
        }
        ignore eWitnessBarrierResp;
    }

    state Getting {
        on eCacheLookupResp do (r: (reqId: int, key: int, available: bool, hit: bool, version: tVersion)) {
            looked = true;
            lookup = (available = r.available, hit = r.hit, version = r.version);
            Decide();
        }
        on eWitnessBarrierResp do (b: (reqId: int, known: bool, seqNo: int)) {
            if (b.reqId != reqId) {
                return;
            }
            Count(b.known, b.seqNo);
            Decide();
        }
    }

    state ReadingThrough {
        on eIndexReadResp do (r: (reqId: int, key: int, version: tVersion)) {
            if (fill) {
                send partition, eCacheFill, (key = key, version = r.version);
            }
            send client, eGetResp, (reqId = reqId, key = key, version = r.version);
            goto Idle;
        }
        ignore eWitnessBarrierResp;
    }

    state Listing {
        on eWitnessBarrierResp do (b: (reqId: int, known: bool, seqNo: int)) {
            if (b.reqId != reqId) {
                return;
            }
            Count(b.known, b.seqNo);
            if (answers < readQuorum) {
                return;
            }
            if (unknown || replica == null) {
                send index, eIndexList, (frontEnd = this, reqId = reqId, atLeast = Bypassed());
            } else {
                send replica, eIndexList, (frontEnd = this, reqId = reqId, atLeast = barrier);
            }
            goto ListingIndex;
        }
    }

    state ListingIndex {
        on eIndexListResp do (r: (reqId: int, objects: map[int, tVersion])) {
            send client, eListResp, (reqId = reqId, objects = r.objects);
            goto Idle;
        }
        ignore eWitnessBarrierResp;
    }

    fun Begin(c: machine, id: int, k: int) {
        client = c;
        reqId = id;
        key = k;
        looked = false;
        answers = 0;
        unknown = false;
        barrier = 0;
    }

    fun Count(known: bool, seqNo: int) {
        answers = answers + 1;
        // THE BUG: "unknown" counts as sequence number 0, not as a reason to bypass the cache.
        if (known && seqNo > barrier) {
            barrier = seqNo;
        }
    }

    // The sequence number to ask the index for when the barrier is unknown: none, since the index
    // is authoritative (it applies a write before the write is acknowledged).
    fun Bypassed(): int {
        return 0;
    }

    // Once the partition and a read quorum of witnesses have answered: serve the hit, or read
    // through to the index.
    fun Decide() {
        if (!looked || answers < readQuorum) {
            return;
        }
        if (unknown || !lookup.available) {
            fill = false;
            send index, eIndexRead, (frontEnd = this, reqId = reqId, key = key, atLeast = Bypassed());
            goto ReadingThrough;
        }
        if (lookup.hit && lookup.version.seqNo >= barrier) {
            send client, eGetResp, (reqId = reqId, key = key, version = lookup.version);
            goto Idle;
        }
        fill = true;
        send index, eIndexRead, (frontEnd = this, reqId = reqId, key = key, atLeast = barrier);
        goto ReadingThrough;
    }
}
