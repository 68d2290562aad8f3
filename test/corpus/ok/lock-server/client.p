// A client takes the lock a fixed number of times, announcing its critical section each time.
machine LockClient receives eGrant; sends eAcquire, eRelease; {
    var server: LockServer;
    var rounds: int;

    start state Idle {
        entry (s: LockServer) {
            server = s;
            Request();
        }
        on eGrant goto Critical;
    }

    state Critical {
        entry {
            announce eEnterCritical, this;
            announce eLeaveCritical, this;
            send server, eRelease, this;
            rounds = rounds + 1;
            if (rounds < 2) {
                goto Waiting;
            }
            goto Finished;
        }
    }

    state Waiting {
        entry {
            Request();
        }
        on eGrant goto Critical;
    }

    state Finished {
    }

    fun Request() {
        send server, eAcquire, this;
    }
}
