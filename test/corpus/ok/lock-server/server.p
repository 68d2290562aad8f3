// The lock server grants the lock to one client at a time; requests that arrive while it is held
// wait in the inbox until it is released.
machine LockServer receives LockRequests; sends eGrant; {
    var holder: LockClient;
    var grants: int;

    start state Free {
        on eAcquire goto Held with GrantTo;
        ignore eRelease;
    }

    state Held {
        entry (client: LockClient) {
            holder = client;
        }
        defer eAcquire;
        on eRelease do (client: LockClient) {
            assert client == holder, "only the holder releases the lock";
            goto Free;
        }
        exit {
            holder = null;
        }
    }

    fun GrantTo(client: LockClient) {
        grants = grants + 1;
        send client, eGrant;
    }
}
