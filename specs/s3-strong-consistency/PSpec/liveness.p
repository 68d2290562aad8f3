// Liveness: with failures within the allowance (witnesses restart and answer "unknown" until they
// have re-read the journal; failed cache partitions are bypassed), every request is answered. The
// monitor is hot while a request is unanswered.
spec EveryRequestAnswered observes ePut, eDelete, eGet, eList, ePutResp, eDeleteResp, eGetResp, eListResp {
    var open: set[int];

    start cold state Quiet {
        on ePut goto Owing with (r: (client: machine, reqId: int, key: int, value: int)) { open += (r.reqId); }
        on eDelete goto Owing with (r: (client: machine, reqId: int, key: int)) { open += (r.reqId); }
        on eGet goto Owing with (r: (client: machine, reqId: int, key: int)) { open += (r.reqId); }
        on eList goto Owing with (r: (client: machine, reqId: int)) { open += (r.reqId); }
    }

    hot state Owing {
        on ePut do (r: (client: machine, reqId: int, key: int, value: int)) { open += (r.reqId); }
        on eDelete do (r: (client: machine, reqId: int, key: int)) { open += (r.reqId); }
        on eGet do (r: (client: machine, reqId: int, key: int)) { open += (r.reqId); }
        on eList do (r: (client: machine, reqId: int)) { open += (r.reqId); }
        on ePutResp do (r: (reqId: int, key: int, seqNo: int)) { Answered(r.reqId); }
        on eDeleteResp do (r: (reqId: int, key: int, seqNo: int)) { Answered(r.reqId); }
        on eGetResp do (r: (reqId: int, key: int, version: tVersion)) { Answered(r.reqId); }
        on eListResp do (r: (reqId: int, objects: map[int, tVersion])) { Answered(r.reqId); }
    }

    fun Answered(reqId: int) {
        open -= reqId;
        if (sizeof(open) == 0) {
            goto Quiet;
        }
    }
}
