// Planted bug, with node.p: the client sends each read to a node of the chain chosen at random, to
// share the load of reads among the replicas, instead of to the tail.
//
// SpreadingClient is the client of PSrc/client.p with one change, in the Reading state's entry.
// The head and the middle nodes hold entries that have not reached the tail yet, and these are not
// acknowledged: a read at the head can return an entry that a later read, at the tail, does not,
// which breaks ReadsSeeAcked (a read that completed saw the entry, so every read that begins
// afterwards must see it).
machine SpreadingClient receives eAppended, eReadReply, eView; sends eAppend, eRead; {
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
            // THE BUG: any node of the chain, not only the tail, answers reads.
            send choose(chain), eRead, (client = this, id = request);
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
