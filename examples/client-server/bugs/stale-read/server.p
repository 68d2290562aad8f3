// Planted bug: a server that reads only its store, forgetting the writes still in its write buffer.
//
// StaleReadServer is the server of PSrc/server.p with one change, in Read. The test below runs it
// in place of the real one: the binding `StaleReadServer -> KvServer` makes the driver's
// `new KvServer()` create it. The shortest counterexample needs one client: its PUT is
// acknowledged, and its GET reaches the server before the flush that the PUT scheduled, so the GET
// reads the old value.
machine StaleReadServer receives eKvRequest, eKvFlush; sends eKvResponse, eKvFlush; {
    var store: map[int, int];
    var buffered: map[int, int];

    start state Serving {
        on eKvRequest do (r: tKvRequest) {
            if (r.op == KV_PUT) {
                buffered[r.key] = r.value;
                send r.client, eKvResponse, (client = r.client, requestId = r.requestId, value = r.value);
                send this, eKvFlush, r.key;
            } else {
                send r.client, eKvResponse, (client = r.client, requestId = r.requestId, value = Read(r.key));
            }
        }
        on eKvFlush do (key: int) {
            if (key in buffered) {
                store[key] = buffered[key];
                buffered -= key;
            }
        }
    }

    // THE BUG: an acknowledged write that is still in the buffer is invisible to reads.
    fun Read(key: int): int {
        if (key in store) {
            return store[key];
        }
        return 0;
    }
}

test StaleRead [main=KvDriver]:
    assert CorrectResponses, EveryRequestAnswered in (union { StaleReadServer -> KvServer }, { KvClient, KvDriver });
