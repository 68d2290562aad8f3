// The server takes requests in the order they arrive. A PUT goes into the write buffer and is
// acknowledged at once; a flush, which the server sends itself, later moves it into the store.
// Until then the buffer holds the newest value of the key, so a GET reads the buffer first.
machine KvServer receives eKvRequest, eKvFlush; sends eKvResponse, eKvFlush; {
    var store: map[int, int];
    // Writes acknowledged but not yet in the store, by key: the newest value of each.
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
            // An earlier flush of the key may have moved its newest value already.
            if (key in buffered) {
                store[key] = buffered[key];
                buffered -= key;
            }
        }
    }

    fun Read(key: int): int {
        if (key in buffered) {
            return buffered[key];
        }
        if (key in store) {
            return store[key];
        }
        return 0;
    }
}
