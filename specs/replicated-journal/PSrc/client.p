// A client makes its requests one at a time: first its appends, then its reads. It sends appends
// to the head and reads to the tail of the chain as the master last described it, and sends the
// pending request again, with the same number, when the master says that the head (for an append)
// or the tail (for a read) has changed: the request may have gone down with the node. An answer
// can therefore come twice (and a new tail acknowledges again what the old one may have
// acknowledged already); the client takes the first and drops the copies.
machine Client receives eAppended, eReadReply, eView; sends eAppend, eRead; {
    // The chain, head first.
    var chain: seq[machine];
    var appendsLeft: int;
    var readsLeft: int;
    // The number of the pending request.
    var request: int;

    start state Init {
        entry (config: (chain: seq[machine], appends: int, reads: int)) {
            chain = config.chain;
            appendsLeft = config.appends;
            readsLeft = config.reads;
            NextRequest();
        }
    }

    state Appending {
        entry {
            send chain[0], eAppend, (client = this, id = request);
        }
        on eAppended do (a: (item: tEntry, index: int)) {
            if (a.item.id == request) {
                NextRequest();
            }
        }
        on eView do (view: seq[machine]) {
            var head: machine;
            head = chain[0];
            chain = view;
            if (chain[0] != head) {
                send chain[0], eAppend, (client = this, id = request);
            }
        }
        ignore eReadReply;
    }

    state Reading {
        entry {
            send chain[sizeof(chain) - 1], eRead, (client = this, id = request);
        }
        on eReadReply do (r: (id: int, log: seq[tEntry])) {
            if (r.id == request) {
                announce eReadDone, (client = this, id = request, log = r.log);
                NextRequest();
            }
        }
        on eView do (view: seq[machine]) {
            var tail: machine;
            tail = chain[sizeof(chain) - 1];
            chain = view;
            if (chain[sizeof(chain) - 1] != tail) {
                send chain[sizeof(chain) - 1], eRead, (client = this, id = request);
            }
        }
        ignore eAppended;
    }

    state Done {
        ignore eAppended, eReadReply, eView;
    }

    fun NextRequest() {
        request = request + 1;
        if (appendsLeft > 0) {
            appendsLeft = appendsLeft - 1;
            goto Appending;
        }
        if (readsLeft > 0) {
            readsLeft = readsLeft - 1;
            goto Reading;
        }
        goto Done;
    }
}
