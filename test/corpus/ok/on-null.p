// `on null`: a worker that keeps computing while its inbox is empty, and a poller that moves on
// when nothing has arrived.
event eCancel;
event eResult: int;

machine Worker receives eCancel; sends eResult; {
    var steps: int;
    var client: machine;

    start state Computing {
        entry (c: machine) {
            client = c;
        }
        on null do {
            steps = steps + 1;
            if (steps == 3) {
                send client, eResult, steps;
                goto Idle;
            }
        }
        on eCancel goto Idle;
    }

    state Idle {
        ignore eCancel;
    }
}

machine Poller receives eResult; sends eCancel; {
    var result: int;

    start state Waiting {
        entry {
            var w: Worker;
            w = new Worker(this);
            if ($) {
                send w, eCancel;
            }
        }
        on eResult do (r: int) {
            result = r;
        }
        on null goto GaveUp;
    }

    state GaveUp {
        ignore eResult;
    }
}

test Polling [main=Poller]: { Poller, Worker };
