// Test drivers: a chain of nNodes nodes, nClients clients that each append `appends` entries and
// then read `reads` times, the master, and a crash injector that may crash up to nCrashes nodes
// (any node, at any point: while requests are on their way, and while the chain is being
// repaired). Keep nCrashes below nNodes: the journal is available as long as one node is up.
//
// bugs/ holds four planted bugs, each with its own test, which fails. To check only the correct
// design: pith check specs/replicated-journal -t Chain -t LongChain
param nNodes: int;
param nClients: int;
param nCrashes: int;
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
                new CrashInjector((targets = targets, budget = nCrashes, master = master));
            }
        }
    }
}

module Journal = { Node, Master, Client, CrashInjector };

// Three nodes; one or two clients that each append once and read once; no crash or one.
test param (nNodes in [3], nClients in [1, 2], nCrashes in [0, 1], appends in [1], reads in [1])
    Chain [main=Driver]:
    assert AckedDurable, ChainPrefix, ReadsSeeAcked, AcksInOrder, EventuallyAnswered in (union Journal, { Driver });
