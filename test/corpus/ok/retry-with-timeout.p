// A client that retries a request when a timeout fires, against a server that may drop requests;
// duplicate responses after a retry are ignored.
event eReq: (client: machine, attempt: int);
event eResp: int;
event eArm: machine;
event eTimeout;

machine FlakyServer receives eReq; sends eResp; {
    start state Serving {
        on eReq do (r: (client: machine, attempt: int)) {
            if ($) {
                send r.client, eResp, r.attempt;
            }
        }
    }
}

machine OneShotTimer receives eArm; sends eTimeout; {
    start state Disarmed {
        on eArm goto Armed;
    }

    state Armed {
        entry (owner: machine) {
            if ($) {
                send owner, eTimeout;
            }
            goto Disarmed;
        }
    }
}

machine RetryClient receives eResp, eTimeout; sends eReq, eArm; {
    var server: FlakyServer;
    var timer: OneShotTimer;
    var attempt: int;

    start state Trying {
        entry {
            server = new FlakyServer();
            timer = new OneShotTimer();
            Attempt();
        }
        on eTimeout do {
            if (attempt < 3) {
                Attempt();
            } else {
                goto Failed;
            }
        }
        on eResp goto Succeeded with (a: int) {
            assert a <= attempt, "a response to an attempt never made";
        }
    }

    state Succeeded {
        ignore eResp, eTimeout;
    }

    state Failed {
        ignore eResp, eTimeout;
    }

    fun Attempt() {
        attempt = attempt + 1;
        send server, eReq, (client = this, attempt = attempt);
        send timer, eArm, this;
    }
}

test Retries [main=RetryClient]: { RetryClient, FlakyServer, OneShotTimer };
