// A replicated register: a writer stores versioned values on a majority of replicas, and a reader
// that reads from a majority must see the latest completed write.
type tVersioned = (version: int, value: int);
type tWriteReq = (from: machine, version: int, value: int);
type tReadReq = (from: machine, id: int);
type tReadResp = (id: int, stored: tVersioned);

event eWriteReq: tWriteReq;
event eWriteAck: int;
event eReadReq: tReadReq;
event eReadResp: tReadResp;
event eWriteDone: tVersioned;
event eReadStart;
event eReadDone: tVersioned;

machine Replica receives eWriteReq, eReadReq; sends eWriteAck, eReadResp; {
    var stored: tVersioned;

    start state Serving {
        on eWriteReq do (w: tWriteReq) {
            if (w.version > stored.version) {
                stored = (version = w.version, value = w.value);
            }
            send w.from, eWriteAck, w.version;
        }
        on eReadReq do (r: tReadReq) {
            send r.from, eReadResp, (id = r.id, stored = stored);
        }
    }
}

fun Majority(n: int): int {
    return n / 2 + 1;
}

machine Writer receives eWriteAck; sends eWriteReq; {
    var replicas: seq[Replica];
    var version: int;

    start state Writing {
        entry (rs: seq[Replica]) {
            var i: int;
            var acks: int;
            replicas = rs;
            version = 1;
            while (i < sizeof(replicas)) {
                send replicas[i], eWriteReq, (from = this, version = version, value = 10 * version);
                i = i + 1;
            }
            while (acks < Majority(sizeof(replicas))) {
                receive {
                    case eWriteAck: (v: int) {
                        if (v == version) {
                            acks = acks + 1;
                        }
                    }
                }
            }
            announce eWriteDone, (version = version, value = 10 * version);
            goto Done;
        }
    }

    state Done {
        ignore eWriteAck;
    }
}

machine Reader receives eReadResp; sends eReadReq; {
    start state Reading {
        entry (rs: seq[Replica]) {
            var r: Replica;
            var answers: int;
            var latest: tVersioned;
            announce eReadStart;
            foreach (r in rs) {
                send r, eReadReq, (from = this, id = 1);
            }
            while (true) {
                receive {
                    case eReadResp: (resp: tReadResp) {
                        answers = answers + 1;
                        if (resp.stored.version > latest.version) {
                            latest = resp.stored;
                        }
                    }
                }
                if (answers >= Majority(sizeof(rs))) {
                    break;
                }
            }
            announce eReadDone, latest;
        }
        ignore eReadResp;
    }
}

// A read that starts after a write completed returns that write or a later one.
spec ReadYourWrites observes eWriteDone, eReadStart, eReadDone {
    var completed: int;
    var required: int;

    start state Watching {
        on eWriteDone do (w: tVersioned) {
            completed = w.version;
        }
        on eReadStart do {
            required = completed;
        }
        on eReadDone do (r: tVersioned) {
            assert r.version >= required, format("read version {0} after version {1} completed", r.version, required);
        }
    }
}

machine RegisterTest {
    start state Start {
        entry {
            var rs: seq[Replica];
            rs += (0, new Replica());
            rs += (1, new Replica());
            rs += (2, new Replica());
            new Writer(rs);
            new Reader(rs);
        }
    }
}

test Register [main=RegisterTest]: assert ReadYourWrites in { RegisterTest, Replica, Writer, Reader };
