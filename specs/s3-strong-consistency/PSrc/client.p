// A client: makes its requests one at a time, in the order of its script, each to its front end,
// and sends the next once the answer to the previous one has come. Its request ids are
// firstId, firstId + 1, ...; the value of a PUT is its request id, so every value written is unique.

enum tOpKind { PUT, GET, DELETE, LIST }

type tOp = (kind: tOpKind, key: int);

machine Client receives ePutResp, eDeleteResp, eGetResp, eListResp; sends ePut, eDelete, eGet, eList; {
    var frontEnd: machine;
    var script: seq[tOp];
    var firstId: int;
    // The number of requests sent.
    var sent: int;

    start state Init {
        entry (config: (frontEnd: machine, firstId: int, script: seq[tOp])) {
            frontEnd = config.frontEnd;
            firstId = config.firstId;
            script = config.script;
            Issue();
        }
    }

    state Waiting {
        on ePutResp do { Issue(); }
        on eDeleteResp do { Issue(); }
        on eGetResp do { Issue(); }
        on eListResp do { Issue(); }
    }

    state Done {
    }

    fun Issue() {
        var op: tOp;
        var reqId: int;
        if (sent >= sizeof(script)) {
            goto Done;
        }
        op = script[sent];
        reqId = firstId + sent;
        sent = sent + 1;
        if (op.kind == PUT) {
            send frontEnd, ePut, (client = this, reqId = reqId, key = op.key, value = reqId);
        } else if (op.kind == DELETE) {
            send frontEnd, eDelete, (client = this, reqId = reqId, key = op.key);
        } else if (op.kind == GET) {
            send frontEnd, eGet, (client = this, reqId = reqId, key = op.key);
        } else {
            send frontEnd, eList, (client = this, reqId = reqId);
        }
        goto Waiting;
    }
}
