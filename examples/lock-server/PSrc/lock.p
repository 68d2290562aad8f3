// A lock server and its clients.
//
// A client asks for the lock, uses it, releases it, and repeats a few times. The server grants the
// lock to one client at a time: requests that arrive while the lock is held are deferred, so they
// stay in the server's inbox, in order, until the lock is free again.

event eAcquire: LockClient;
event eGranted;
event eRelease: LockClient;

// Announced by a client to the specs: it entered or left its critical section.
event eEnter: LockClient;
event eLeave: LockClient;

machine LockServer receives eAcquire, eRelease; sends eGranted; {
    var holder: LockClient;

    start state Free {
        on eAcquire goto Held with (client: LockClient) {
            holder = client;
            send client, eGranted;
        }
    }

    state Held {
        defer eAcquire;
        on eRelease do (client: LockClient) {
            assert client == holder, format("{0} released a lock held by {1}", client, holder);
            holder = null;
            goto Free;
        }
    }
}

machine LockClient receives eGranted; sends eAcquire, eRelease; {
    var server: LockServer;
    var uses: int;

    start state Init {
        entry (s: LockServer) {
            server = s;
            goto Requesting;
        }
    }

    state Requesting {
        entry {
            send server, eAcquire, this;
        }
        on eGranted goto Using;
    }

    state Using {
        entry {
            announce eEnter, this;
            uses = uses + 1;
            announce eLeave, this;
            send server, eRelease, this;
            if (uses < 2) {
                goto Requesting;
            }
            goto Finished;
        }
    }

    state Finished {
    }
}
