// Chain replication: writes enter at the head and flow down the chain; the tail acknowledges them
// and serves reads, so a read sees only writes that every replica holds.
type tUpdate = (seqNo: int, key: string, value: int);

event eSetNext: ChainNode;
event eUpdate: tUpdate;
event eAckUpdate: int;
event eQuery: (client: machine, key: string);
event eQueryResult: (key: string, value: int);
event eCommitted: tUpdate;

machine ChainNode receives eSetNext, eUpdate, eQuery; sends eUpdate, eAckUpdate, eQueryResult; {
    var next: ChainNode;
    var isTail: bool;
    var store: map[string, int];
    var client: machine;

    start state Init {
        entry (c: machine) {
            client = c;
            isTail = true;
        }
        on eSetNext do (n: ChainNode) {
            next = n;
            isTail = false;
        }
        on eUpdate do (u: tUpdate) {
            Apply(u);
        }
        on eQuery do (q: (client: machine, key: string)) {
            assert isTail, "only the tail serves reads";
            if (q.key in store) {
                send q.client, eQueryResult, (key = q.key, value = store[q.key]);
            } else {
                send q.client, eQueryResult, (key = q.key, value = -1);
            }
        }
    }

    fun Apply(u: tUpdate) {
        store[u.key] = u.value;
        if (isTail) {
            announce eCommitted, u;
            send client, eAckUpdate, u.seqNo;
        } else {
            send next, eUpdate, u;
        }
    }
}

machine ChainClient receives eAckUpdate, eQueryResult; sends eSetNext, eUpdate, eQuery; {
    var head: ChainNode;
    var tail: ChainNode;

    start state Build {
        entry {
            var middle: ChainNode;
            head = new ChainNode(this);
            middle = new ChainNode(this);
            tail = new ChainNode(this);
            send head, eSetNext, middle;
            send middle, eSetNext, tail;
            send head, eUpdate, (seqNo = 1, key = "x", value = 10);
        }
        on eAckUpdate goto Reading with (n: int) {
            assert n == 1;
        }
    }

    state Reading {
        entry {
            send tail, eQuery, (client = this, key = "x");
        }
        on eQueryResult do (r: (key: string, value: int)) {
            assert r.value == 10, format("read {0} after the write was acknowledged", r.value);
        }
    }
}

spec CommitOrder observes eCommitted {
    var last: int;

    start state Watching {
        on eCommitted do (u: tUpdate) {
            assert u.seqNo > last, "updates committed out of order";
            last = u.seqNo;
        }
    }
}

test Chain [main=ChainClient]: assert CommitOrder in { ChainClient, ChainNode };
