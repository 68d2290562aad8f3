// The replicated journal: an append-only log kept by a chain of nodes (chain replication).
//
// Clients append entries at the head. Each node appends the entry to its log and forwards it to
// its successor; the tail, the last node, acknowledges the append to the client and sends a
// cumulative acknowledgement back up the chain, so that every node knows which of its entries the
// tail has (its "sent" list is the rest of its log). Reads are served by the tail, from its log.
//
// Nodes crash (fail-stop). The master, the configuration manager, learns of each crash and removes
// the node from the chain:
// - the head crashes: its successor becomes the head; clients resend their pending appends there
//   (entries the old head had not forwarded were never acknowledged, so losing them is allowed);
// - the tail crashes: its predecessor becomes the tail, and acknowledges everything in its sent
//   list, which the old tail may or may not have acknowledged (clients drop the copies);
// - a middle node crashes: its successor learns its new predecessor from the master, introduces
//   itself to it with the length of its log, and the predecessor resends every entry after that.
// Every change of the chain carries an epoch from the master, so that a node follows the newest of
// the introductions and promotions that reach it.
//
// References to nodes and clients are of type `machine`, so that another node or client (a bug
// variant, see bugs/) can stand in for the correct one.

// An entry of the journal: the client that appended it and the client's request number, which
// together make it unique. A client resends an append with the same number after a head failure,
// and the head drops an entry it holds already.
type tEntry = (client: machine, id: int);

// Client to head: append this entry.
event eAppend: tEntry;
// Tail to client: the entry is in the journal at this index (acknowledgement).
event eAppended: (item: tEntry, index: int);
// Client to tail: read the journal.
event eRead: (client: machine, id: int);
// Tail to client: the journal, as the tail holds it.
event eReadReply: (id: int, log: seq[tEntry]);

// Node to successor: the entry at this index of the sender's log.
event eForward: (from: machine, index: int, item: tEntry);
// Node to predecessor: the tail has the first `upTo` entries (cumulative).
event eAck: int;
// Node to (new) predecessor: I am your successor from this epoch on, and I have the first
// `received` entries; send me the rest.
event eIntroduce: (succ: machine, received: int, epoch: int);

// Master to node, once, when the chain is built: your neighbours (null: none).
event eConfigure: (pred: machine, succ: machine);
// Master to node: your predecessor is now `pred` (null: you are the head).
event eNewPred: (pred: machine, epoch: int);
// Master to node: your successors crashed; you are the tail.
event eBecomeTail: int;
// Master to clients: the chain, head first, after the head or the tail changed.
event eView: seq[machine];

// Crash injector to master: this node has crashed (a perfect failure detector).
event eCrashed: machine;

// Restarts (when the test allows them, see nRestarts in PTst/tests.p). A node that will be
// restarted crashes by taking eCrash rather than P's halt: it loses everything but its log, which
// is on disk, and drops whatever reaches it until the injector restarts it with eRestart. The
// restarted node asks the master to join the chain again; the master adds it after the tail and
// tells it its predecessor (eNewPred); the node sends the predecessor its log (eRejoin); the
// predecessor answers with how much of that log agrees with its own and the entries after that
// (eCatchUp), and from then on forwards to it. The node cuts its log to the agreeing part (a head
// that crashed may hold entries it never forwarded, which the journal replaced), appends the rest,
// and serves as the tail.
// Crash injector to node: crash now, and come back later.
event eCrash;
// Crash injector to node: your process has started again; ask this master to join the chain.
event eRestart: machine;
// Restarted node to master: add me to the chain.
event eJoin: machine;
// Restarted node to its new predecessor: my log as I recovered it; I am your successor from this epoch on.
event eRejoin: (succ: machine, log: seq[tEntry], epoch: int);
// Predecessor to restarted node: the first `keep` entries of your log are mine; mine go on with
// `entries`; the tail has the first `acked` of them.
event eCatchUp: (from: machine, keep: int, entries: seq[tEntry], acked: int);

// Announced to the monitors.
// The driver, once it has created the nodes: the chain, head first.
event eChainBuilt: seq[machine];
// A node appended an entry at this index of its log.
event eLogAppended: (node: machine, index: int, item: tEntry);
// The crash injector crashes a node (announced just before the node's halt is sent).
event eNodeCrashed: machine;
// A restarted node has caught up with the chain and serves as its tail, with this log.
event eRejoined: (node: machine, log: seq[tEntry]);
// A client received the answer to its read.
event eReadDone: (client: machine, id: int, log: seq[tEntry]);
