// What the store promises its clients.

// A write acknowledged to a client is held by the backup: the backup acknowledged it first.
spec AckedWritesAreReplicated observes eReplicateAck, eWriteAck {
    // (key, value) pairs the backup has acknowledged.
    var replicated: set[(int, int)];

    start state Watching {
        on eReplicateAck do (a: tReplicateAck) {
            replicated += ((a.key, a.value));
        }
        on eWriteAck do (a: tWriteAck) {
            assert (a.key, a.value) in replicated,
                format("the write of {0} to key {1} was acknowledged to {2} before the backup held it", a.value, a.key, a.client);
        }
    }
}

// A read returns the value of the last write acknowledged for its key, or nothing when no write
// of that key has been acknowledged.
spec ReadsSeeAcknowledgedWrites observes eWriteAck, eReadResult {
    var latest: map[int, int];

    start state Watching {
        on eWriteAck do (a: tWriteAck) {
            latest[a.key] = a.value;
        }
        on eReadResult do (r: tReadResult) {
            if (r.found) {
                assert r.key in latest, format("a read of key {0} found {1}, but no write of it was acknowledged", r.key, r.value);
                assert r.value == latest[r.key], format("a read of key {0} found {1}, but the last acknowledged write is {2}", r.key, r.value, latest[r.key]);
            } else {
                assert !(r.key in latest), format("a read of key {0} found nothing, but {1} was acknowledged", r.key, latest[r.key]);
            }
        }
    }
}

// Each write is acknowledged once, and only a write some client asked for.
spec OneAckPerWrite observes eWrite, eWriteAck {
    var open: set[(Client, int)];

    start state Watching {
        on eWrite do (w: tWrite) {
            open += ((w.client, w.reqId));
        }
        on eWriteAck do (a: tWriteAck) {
            assert (a.client, a.reqId) in open, format("request {0} of {1} was acknowledged, but it is not waiting for an acknowledgement", a.reqId, a.client);
            open -= ((a.client, a.reqId));
        }
    }
}
