// The master: the configuration manager (replicated and fault-tolerant in a real deployment,
// one atomic machine here). It learns of each crash from a perfect failure detector, removes the
// node from the chain, tells the node's neighbours, and, when the head or the tail changed, tells
// the clients where to send their requests. A restarted node that asks to join is added after the
// tail.
machine Master receives eCrashed, eJoin; sends eConfigure, eNewPred, eBecomeTail, eView; {
    var chain: seq[machine];
    var clients: seq[machine];
    var epoch: int;

    start state Init {
        entry (config: (chain: seq[machine], clients: seq[machine])) {
            var i: int;
            chain = config.chain;
            clients = config.clients;
            while (i < sizeof(chain)) {
                send chain[i], eConfigure, (pred = Neighbour(i - 1), succ = Neighbour(i + 1));
                i = i + 1;
            }
            goto Serving;
        }
    }

    // The node at position i of the chain, or null if there is none.
    fun Neighbour(i: int): machine {
        if (i < 0 || i >= sizeof(chain)) {
            return null;
        }
        return chain[i];
    }

    state Serving {
        on eCrashed do (node: machine) {
            var i: int;
            var client: machine;
            while (chain[i] != node) {
                i = i + 1;
            }
            chain -= i;
            epoch = epoch + 1;
            if (i == 0) {
                // The head crashed: its successor is the head.
                send chain[0], eNewPred, (pred = null, epoch = epoch);
            } else if (i == sizeof(chain)) {
                // The tail crashed: its predecessor is the tail.
                send chain[i - 1], eBecomeTail, epoch;
            } else {
                // A middle node crashed: its successor follows its predecessor.
                send chain[i], eNewPred, (pred = chain[i - 1], epoch = epoch);
                return;
            }
            foreach (client in clients) {
                send client, eView, chain;
            }
        }
        // A restarted node joins after the tail, which it learns as its predecessor; clients send
        // reads to it from now on (it serves them once it has caught up).
        on eJoin do (node: machine) {
            var client: machine;
            chain += (sizeof(chain), node);
            epoch = epoch + 1;
            send node, eNewPred, (pred = chain[sizeof(chain) - 2], epoch = epoch);
            foreach (client in clients) {
                send client, eView, chain;
            }
        }
    }
}
