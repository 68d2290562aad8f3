// A key-value store with a primary and a backup replica.
//
// Clients send writes and reads to the primary. The primary gives each write the next sequence
// number, keeps it as pending, and sends it to the backup. The backup applies writes in sequence
// order only: it acknowledges a write it applies, acknowledges again a write it applied before (the
// primary may send one twice), and drops a write that comes too early (the primary sends it again).
// When the backup's acknowledgement of a pending write arrives, the primary commits it to its own
// store and acknowledges it to the client. Reads are served from the primary's committed store.
// A retransmission tick makes the primary send every pending write to the backup again, so a write
// or an acknowledgement lost on the way is not lost for good.

type tWrite = (client: Client, reqId: int, key: int, value: int);
type tRead = (client: Client, reqId: int, key: int);
type tReplicate = (primary: Primary, seqNo: int, key: int, value: int);
type tReplicateAck = (seqNo: int, key: int, value: int);
type tWriteAck = (client: Client, reqId: int, key: int, value: int);
type tReadResult = (client: Client, reqId: int, key: int, found: bool, value: int);

// Client to primary.
event eWrite: tWrite;
event eRead: tRead;
// Primary to backup, and back.
event eReplicate: tReplicate;
event eReplicateAck: tReplicateAck;
// Primary to client.
event eWriteAck: tWriteAck;
event eReadResult: tReadResult;
// A timer to the primary: send the pending writes again.
event eRetransmit;

machine Primary receives eWrite, eRead, eReplicateAck, eRetransmit; sends eReplicate, eWriteAck, eReadResult; {
    var backup: Backup;
    // Committed writes: acknowledged by the backup.
    var store: map[int, int];
    var nextSeqNo: int;
    // Writes sent to the backup and not yet acknowledged, by sequence number.
    var pending: map[int, tWrite];

    start state Serving {
        entry (b: Backup) {
            backup = b;
            nextSeqNo = 1;
        }

        on eWrite do (w: tWrite) {
            pending[nextSeqNo] = w;
            send backup, eReplicate, (primary = this, seqNo = nextSeqNo, key = w.key, value = w.value);
            nextSeqNo = nextSeqNo + 1;
        }

        on eReplicateAck do (a: tReplicateAck) {
            var w: tWrite;
            // A second acknowledgement of a write already committed changes nothing.
            if (a.seqNo in pending) {
                w = pending[a.seqNo];
                pending -= a.seqNo;
                store[w.key] = w.value;
                send w.client, eWriteAck, (client = w.client, reqId = w.reqId, key = w.key, value = w.value);
            }
        }

        on eRead do (r: tRead) {
            if (r.key in store) {
                send r.client, eReadResult, (client = r.client, reqId = r.reqId, key = r.key, found = true, value = store[r.key]);
            } else {
                send r.client, eReadResult, (client = r.client, reqId = r.reqId, key = r.key, found = false, value = 0);
            }
        }

        on eRetransmit do {
            var seqNo: int;
            foreach (seqNo in keys(pending)) {
                send backup, eReplicate, (primary = this, seqNo = seqNo, key = pending[seqNo].key, value = pending[seqNo].value);
            }
        }
    }
}

machine Backup receives eReplicate; sends eReplicateAck; {
    var store: map[int, int];
    // The sequence number of the last write applied.
    var applied: int;

    start state Replicating {
        on eReplicate do (r: tReplicate) {
            if (r.seqNo == applied + 1) {
                store[r.key] = r.value;
                applied = r.seqNo;
                send r.primary, eReplicateAck, (seqNo = r.seqNo, key = r.key, value = r.value);
            } else if (r.seqNo <= applied) {
                send r.primary, eReplicateAck, (seqNo = r.seqNo, key = r.key, value = r.value);
            }
        }
    }
}
