// The replicated journal's chain, failure-free, for any number of nodes and writers: the model
// that `pith prove` proves the chain's two central invariants on (update propagation: every node's
// log is a prefix of the log of every node before it; durability: every acknowledged entry is in
// every node's log at its index), and the facts about acknowledgements that follow.
//
// It is a separate formulation of ../PSrc because the prover takes a fixed set of machines
// (no `new`) and no crashes (no `halt`). The chain is described by pure functions instead of being
// built: `rank` numbers the nodes from the head (0) to the tail, and `successor` links each node
// but the tail to the next one. Names differ from the checked model's, so both can be loaded
// together (`pith check specs/replicated-journal` reads this file too, and has no test for it).
//
// The prover delivers messages in any order, while links between neighbours are FIFO. A node
// therefore appends a forwarded entry only when its index is the length of its log, and drops it
// otherwise. Under FIFO delivery the index always is that length, so every FIFO run of the real
// chain is a run of this model, and what is proved here holds for it.

type tRecord = (writer: Writer, seqNo: int);

// Writer to head: append this record.
event eWrite: tRecord;
// Node to its successor: the record at this index of the sender's log.
event ePass: (from: ChainNode, index: int, item: tRecord);
// Tail to writer: the record is in the journal at this index.
event eWritten: (item: tRecord, index: int);

pure head(): ChainNode;
pure tail(): ChainNode;
pure successor(n: ChainNode): ChainNode;
pure rank(n: ChainNode): int;

// The chain: ranks run from 0 at the head to rank(tail()), one node per rank, each node but the
// tail followed by the node of the next rank.
axiom rank(head()) == 0;
axiom forall (n: ChainNode) :: 0 <= rank(n) && rank(n) <= rank(tail());
axiom forall (n: ChainNode, m: ChainNode) :: rank(n) == rank(m) ==> n == m;
axiom forall (n: ChainNode) :: n != tail() ==> rank(successor(n)) == rank(n) + 1;

machine ChainNode {
    // The log: the records at indexes 0 to length - 1.
    var log: map[int, tRecord];
    var length: int;

    // Each handler appends the record, then passes it on: to the successor, or, at the tail, to
    // its writer. (The two handlers repeat this, rather than call a function, because the prover
    // cannot take a function that sends the event its caller is handling.)
    start state Serving {
        on eWrite do (item: tRecord) {
            var index: int;
            index = length;
            log[index] = item;
            length = length + 1;
            if (this == tail()) {
                send item.writer, eWritten, (item = item, index = index);
            } else {
                send successor(this), ePass, (from = this, index = index, item = item);
            }
        }
        on ePass do (p: (from: ChainNode, index: int, item: tRecord)) {
            if (p.index != length) {
                return;
            }
            log[p.index] = p.item;
            length = length + 1;
            if (this == tail()) {
                send p.item.writer, eWritten, (item = p.item, index = p.index);
            } else {
                send successor(this), ePass, (from = this, index = p.index, item = p.item);
            }
        }
    }
}

// A writer appends records one after the other, each once its predecessor is acknowledged.
machine Writer {
    var seqNo: int;

    start state Writing {
        entry {
            send head(), eWrite, (writer = this, seqNo = seqNo);
        }
        on eWritten do (w: (item: tRecord, index: int)) {
            seqNo = seqNo + 1;
            send head(), eWrite, (writer = this, seqNo = seqNo);
        }
    }
}

// Where messages go.
Lemma wiring {
    invariant writes_to_head: forall (w: eWrite) :: w targets head();
    invariant passes_down: forall (p: ePass) :: p.from != tail() && p targets successor(p.from);
}

// What a forwarded record carries: the entry of the sender's log at its index.
Lemma passes {
    invariant pass_from_log: forall (p: ePass) ::
        0 <= p.index && p.index < p.from.length && p.from.log[p.index] == p.item;
}

// Update propagation: along the chain, logs are prefixes of the logs before them.
Theorem propagation {
    invariant prefix: forall (n: ChainNode, m: ChainNode) :: rank(n) <= rank(m) ==>
        m.length <= n.length &&
        (forall (i: int) :: 0 <= i && i < m.length ==> m.log[i] == n.log[i]);
}

// Durability: an acknowledged record is in every node's log, at the index it was acknowledged
// with; so no index is acknowledged with two records.
Theorem durability {
    invariant acked_everywhere: forall (a: eWritten, n: ChainNode) ::
        0 <= a.index && a.index < n.length && n.log[a.index] == a.item;
    invariant acks_agree: forall (a: eWritten, b: eWritten) :: a.index == b.index ==> a.item == b.item;
}

Proof {
    prove wiring;
    prove passes using wiring;
    prove propagation using wiring, passes;
    prove durability using propagation;
    prove default using wiring;
}
