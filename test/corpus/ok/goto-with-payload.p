// `goto S, v;` passes a value to the target state's entry; several values form a tuple.
event eStep;

machine Countdown receives eStep; {
    var trace: seq[int];

    start state Init {
        entry {
            goto Counting, 3;
        }
    }

    state Counting {
        entry (n: int) {
            trace += (sizeof(trace), n);
            if (n == 0) {
                goto Report, "done", sizeof(trace);
            }
        }
        on eStep do {
            goto Counting, trace[sizeof(trace) - 1] - 1;
        }
    }

    state Report {
        entry (r: (string, int)) {
            assert r.0 == "done" && r.1 == 4;
        }
        ignore eStep;
    }
}

machine Driver sends eStep; {
    start state Start {
        entry {
            var c: Countdown;
            var i: int;
            c = new Countdown();
            while (i < 4) {
                send c, eStep;
                i = i + 1;
            }
        }
    }
}

test Counting [main=Driver]: { Driver, Countdown };
