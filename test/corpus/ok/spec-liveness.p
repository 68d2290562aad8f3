// A liveness monitor: every request is eventually answered. The monitor is hot while requests are
// outstanding and cold when none are.
event eRequest: int;
event eResponse: int;

machine Service receives eRequest; sends eResponse; {
    var client: machine;

    start state Init {
        entry (c: machine) {
            client = c;
            goto Serving;
        }
    }

    state Serving {
        on eRequest do (id: int) {
            send client, eResponse, id;
        }
    }
}

machine Requester receives eResponse; sends eRequest; {
    var service: Service;
    var answered: int;

    start state Asking {
        entry {
            service = new Service(this);
            send service, eRequest, 1;
            send service, eRequest, 2;
        }
        on eResponse do (id: int) {
            answered = answered + 1;
        }
    }
}

spec EventuallyAnswered observes eRequest, eResponse {
    var open: set[int];

    start cold state Quiet {
        on eRequest goto Waiting with (id: int) {
            open += (id);
        }
        on eResponse do (id: int) {
            assert false, format("response {0} without a request", id);
        }
    }

    hot state Waiting {
        on eRequest do (id: int) {
            open += (id);
        }
        on eResponse do (id: int) {
            assert id in open, "a response to an unknown request";
            open -= id;
            if (sizeof(open) == 0) {
                goto Quiet;
            }
        }
    }
}

test Answers [main=Requester]: assert EventuallyAnswered in { Requester, Service };
