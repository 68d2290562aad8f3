// `halt`: a session halts itself when told to stop, a supervisor sends `halt` directly, and a
// registry ignores `halt` and handles it explicitly in another state.
event eStop;
event eUse;

machine Session receives eStop, eUse; {
    var uses: int;

    start state Active {
        on eUse do {
            uses = uses + 1;
        }
        on eStop do {
            raise halt;
        }
    }
}

machine Registry {
    var halts: int;

    start state Open {
        ignore halt;
        on eUse goto Closing;
    }

    state Closing {
        on halt do {
            halts = halts + 1;
        }
    }
}

machine Supervisor {
    start state Start {
        entry {
            var s: Session;
            var r: Registry;
            var h: event;
            s = new Session();
            r = new Registry();
            send s, eUse;
            send s, eStop;
            send s, eUse;
            h = halt;
            send r, h;
            send r, eUse;
            send r, halt;
        }
    }
}

test Halting [main=Supervisor]: { Supervisor, Session, Registry };
