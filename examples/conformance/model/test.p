// The environment: a client that makes `nOps` requests one at a time (a write of the value
// `reqId`, or a read, of key 0 or 1), and a timer that may make the primary retransmit, once.
param nOps: int;

machine Client receives eWriteAck, eReadResult; sends eWrite, eRead; {
    var primary: Primary;
    var reqId: int;

    start state Idle {
        entry (p: Primary) {
            primary = p;
            goto Next;
        }
    }

    state Next {
        entry {
            var key: int;
            if (reqId >= nOps) {
                goto Done;
            }
            reqId = reqId + 1;
            key = choose(2);
            if ($) {
                send primary, eWrite, (client = this, reqId = reqId, key = key, value = reqId);
            } else {
                send primary, eRead, (client = this, reqId = reqId, key = key);
            }
        }
        on eWriteAck goto Next with (a: tWriteAck) {
            assert a.reqId == reqId, format("acknowledgement of request {0} while waiting for {1}", a.reqId, reqId);
        }
        on eReadResult goto Next with (r: tReadResult) {
            assert r.reqId == reqId, format("result of request {0} while waiting for {1}", r.reqId, reqId);
        }
    }

    state Done {
    }
}

machine Ticker {
    start state Ticking {
        entry (p: Primary) {
            if ($) {
                send p, eRetransmit;
            }
        }
    }
}

machine Setup {
    start state Start {
        entry {
            var backup: Backup;
            var primary: Primary;
            backup = new Backup();
            primary = new Primary(backup);
            new Client(primary);
            new Ticker(primary);
        }
    }
}

module Store = { Primary, Backup };

test param (nOps in [3]) tcPrimaryBackup [main=Setup]:
    assert AckedWritesAreReplicated, ReadsSeeAcknowledgedWrites, OneAckPerWrite in (union Store, { Client, Ticker, Setup });
