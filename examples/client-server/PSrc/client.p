// A client writes its own value under key 0, then reads key 0 back, one request at a time. What it
// reads depends on the other clients' writes; the spec, not the client, knows the right answer.
machine KvClient receives eKvResponse; sends eKvRequest; {
    var server: KvServer;
    var value: int;
    var requestId: int;

    start state Init {
        entry (config: (server: KvServer, value: int)) {
            server = config.server;
            value = config.value;
            goto Writing;
        }
    }

    state Writing {
        entry {
            Request(KV_PUT);
        }
        on eKvResponse goto Reading with CheckResponse;
    }

    state Reading {
        entry {
            Request(KV_GET);
        }
        on eKvResponse goto Done with CheckResponse;
    }

    state Done {
    }

    fun Request(op: tKvOp) {
        requestId = requestId + 1;
        send server, eKvRequest, (client = this, requestId = requestId, op = op, key = 0, value = value);
    }

    fun CheckResponse(r: tKvResponse) {
        assert r.client == this && r.requestId == requestId,
            format("{0} waits for the response to request {1} but got one for request {2} of {3}", this, requestId, r.requestId, r.client);
    }
}
