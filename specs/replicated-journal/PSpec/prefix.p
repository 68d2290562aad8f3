// Update propagation (safety): along the chain, each live node's log is a prefix of the log of the
// live node before it. Crashed nodes drop out; the order of the others never changes; a restarted
// node comes back at the end, once it has rejoined.
spec ChainPrefix observes eChainBuilt, eLogAppended, eNodeCrashed, eRejoined {
    // The live nodes, head first.
    var chain: seq[machine];
    var logs: map[machine, seq[tEntry]];

    start state Watching {
        on eChainBuilt do (nodes: seq[machine]) {
            var node: machine;
            chain = nodes;
            foreach (node in nodes) {
                logs[node] = default(seq[tEntry]);
            }
        }
        on eLogAppended do (a: (node: machine, index: int, item: tEntry)) {
            var log: seq[tEntry];
            if (!(a.node in logs)) {
                return;
            }
            log = logs[a.node];
            log += (sizeof(log), a.item);
            logs[a.node] = log;
            CheckPrefixes();
        }
        on eRejoined do (r: (node: machine, log: seq[tEntry])) {
            chain += (sizeof(chain), r.node);
            logs[r.node] = r.log;
            CheckPrefixes();
        }
        on eNodeCrashed do (node: machine) {
            var i: int;
            while (chain[i] != node) {
                i = i + 1;
            }
            chain -= i;
            logs -= node;
        }
    }

    fun CheckPrefixes() {
        var i: int;
        var prefix: bool;
        i = 1;
        while (i < sizeof(chain)) {
            prefix = IsPrefix(logs[chain[i]], logs[chain[i - 1]]);
            assert prefix,
                format("the log of {0}, {1}, is not a prefix of the log of its predecessor {2}, {3}",
                    chain[i], logs[chain[i]], chain[i - 1], logs[chain[i - 1]]);
            i = i + 1;
        }
    }
}
