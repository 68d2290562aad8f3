// Test drivers: a chain of nNodes nodes, nClients clients that each append `appends` entries and
// then read `reads` times, the master, and a crash injector that may crash up to nCrashes nodes
// (any node, at any point: while requests are on their way, and while the chain is being
// repaired). Keep nCrashes below nNodes: the journal is available as long as one node is up.
//
// bugs/ holds four planted bugs, each with its own test, which fails. To check only the correct
// design: pith check specs/replicated-journal -t OneCrash -t Concurrent -t ConcurrentCrash -t TwoCrashes
param nNodes: int;
param nClients: int;
param nCrashes: int;
// How many crashed nodes may be restarted (0 unless a test sets it): they rejoin the chain.
param nRestarts: int;
param appends: int;
param reads: int;

machine Driver {
    start state Start {
        entry {
            var nodes: seq[machine];
            var clients: seq[machine];
            var targets: set[machine];
            var master: machine;
            var i: int;
            // The master tells each node its place in the chain.
            while (i < nNodes) {
                nodes += (i, new Node());
                targets += (nodes[i]);
                i = i + 1;
            }
            announce eChainBuilt, nodes;
            i = 0;
            while (i < nClients) {
                clients += (i, new Client((chain = nodes, appends = appends, reads = reads)));
                i = i + 1;
            }
            master = new Master((chain = nodes, clients = clients));
            if (nCrashes > 0) {
                new CrashInjector((targets = targets, budget = nCrashes, master = master, restarts = nRestarts));
            }
        }
    }
}

module Journal = { Node, Master, Client, CrashInjector };

// One client, one crash of any node at any point, chains of two to four nodes, one or two appends.
test param (nNodes in [2, 3, 4], nClients in [1], nCrashes in [1], appends in [1, 2], reads in [1])
    OneCrash [main=Driver]:
    assert AckedDurable, ChainPrefix, ReadsSeeAcked, AcksInOrder, EventuallyAnswered in (union Journal, { Driver });

// Two clients and no crash: appends race to the head, and reads overtake appends.
test param (nNodes in [3], nClients in [2], nCrashes in [0], appends in [1], reads in [1, 2])
    Concurrent [main=Driver]:
    assert AckedDurable, ChainPrefix, ReadsSeeAcked, AcksInOrder, EventuallyAnswered in (union Journal, { Driver });

// Larger configurations, checked in CI through pith.json: two clients and a crash, and two crashes
// (in a chain of four, two middle nodes can crash one after the other, and the introductions of
// their successors race: the epochs decide).
test param (nNodes in [2, 3, 4], nClients in [2], nCrashes in [1], appends in [1], reads in [1])
    ConcurrentCrash [main=Driver]:
    assert AckedDurable, ChainPrefix, ReadsSeeAcked, AcksInOrder, EventuallyAnswered in (union Journal, { Driver });
test param (nNodes in [3, 4], nClients in [1], nCrashes in [2], appends in [1], reads in [1])
    TwoCrashes [main=Driver]:
    assert AckedDurable, ChainPrefix, ReadsSeeAcked, AcksInOrder, EventuallyAnswered in (union Journal, { Driver });

// A node crashes and is restarted with the log it had on disk; it rejoins the chain after the tail
// and catches up. Crashing the head matters most: it may come back with entries it never forwarded.
test param (nNodes in [2, 3], nClients in [1], nCrashes in [1], nRestarts in [1], appends in [2], reads in [1])
    Restart [main=Driver]:
    assert AckedDurable, ChainPrefix, ReadsSeeAcked, AcksInOrder, EventuallyAnswered in (union Journal, { Driver });
