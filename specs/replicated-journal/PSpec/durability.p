// Durability (safety): every acknowledged entry is in the log of every live node, at the index it
// was acknowledged with. Checked when the acknowledgement is sent; logs only grow and the set of
// live nodes only shrinks, so it holds from then on. A restarted node is live again once it has
// rejoined the chain, and must hold every entry acknowledged so far at that moment.
spec AckedDurable observes eChainBuilt, eLogAppended, eNodeCrashed, eAppended, eRejoined {
    var logs: map[machine, seq[tEntry]];
    var live: set[machine];
    // What was acknowledged: index -> entry.
    var acked: map[int, tEntry];

    start state Watching {
        on eChainBuilt do (nodes: seq[machine]) {
            var node: machine;
            foreach (node in nodes) {
                logs[node] = default(seq[tEntry]);
                live += (node);
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
        }
        on eNodeCrashed do (node: machine) {
            live -= node;
            logs -= node;
        }
        on eAppended do (a: (item: tEntry, index: int)) {
            var node: machine;
            var holds: bool;
            acked[a.index] = a.item;
            foreach (node in live) {
                holds = HoldsAt(logs[node], a.index, a.item);
                assert holds,
                    format("{0} acknowledged at index {1}, but live node {2} does not have it there: {3}",
                        a.item, a.index, node, logs[node]);
            }
        }
        on eRejoined do (r: (node: machine, log: seq[tEntry])) {
            var index: int;
            var holds: bool;
            foreach (index in keys(acked)) {
                holds = HoldsAt(r.log, index, acked[index]);
                assert holds,
                    format("{0} rejoined without {1} at index {2}, which was acknowledged: {3}", r.node, acked[index], index, r.log);
            }
            live += (r.node);
            logs[r.node] = r.log;
        }
    }
}
