// Every response is correct: the server behaves like one store that applies the requests in the
// order they reach it. The spec sees each request as it is sent, which is the order the server's
// inbox receives them in, and keeps its own copy of the store: a PUT is answered with the value
// written, a GET with the value of the newest PUT of that key before it.
spec CorrectResponses observes eKvRequest, eKvResponse {
    var store: map[int, int];
    // The right answer to each request not yet answered, by client and request id.
    var expected: map[(KvClient, int), int];

    start state Watching {
        on eKvRequest do (r: tKvRequest) {
            if (r.op == KV_PUT) {
                store[r.key] = r.value;
                expected[(r.client, r.requestId)] = r.value;
            } else if (r.key in store) {
                expected[(r.client, r.requestId)] = store[r.key];
            } else {
                expected[(r.client, r.requestId)] = 0;
            }
        }
        on eKvResponse do (r: tKvResponse) {
            assert (r.client, r.requestId) in expected, format("response to request {0} of {1}, which nobody is waiting for", r.requestId, r.client);
            assert r.value == expected[(r.client, r.requestId)],
                format("request {0} of {1} answered {2}, but the right answer is {3}", r.requestId, r.client, r.value, expected[(r.client, r.requestId)]);
            expected -= (r.client, r.requestId);
        }
    }
}

// Every request is eventually answered.
spec EveryRequestAnswered observes eKvRequest, eKvResponse {
    var open: int;

    start cold state Quiet {
        on eKvRequest goto Waiting with {
            open = 1;
        }
    }

    hot state Waiting {
        on eKvRequest do {
            open = open + 1;
        }
        on eKvResponse do {
            open = open - 1;
            if (open == 0) {
                goto Quiet;
            }
        }
    }
}
