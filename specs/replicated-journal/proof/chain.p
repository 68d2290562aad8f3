// The replicated journal's chain, failure-free, for any number of nodes and writers: the model
// that `pith prove` proves the chain's two central invariants on (update propagation: every node's
// log is a prefix of the log of every node before it; durability: every acknowledged entry is in
// every node's log at its index), and that acknowledgements agree and come in order.
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
//
// Two choices are for the solver's sake. A log is a map from index to record with a length, not a
// `seq`: the prover encodes appending to a sequence with an array lambda, and Z3 gives up on these
// quantified invariants over it ("incomplete (theory array)"). And the head_longest lemma, a case
// of the prefix property, is assumed while proving the prefix property: Z3 then finds that proof
// within the time limit, and does not without it (the proof it finds does not cite the lemma).

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
axiom forall (n: ChainNode, m: ChainNode) :: n == m || rank(n) < rank(m) || rank(m) < rank(n);
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

// Logs have a length.
Lemma lengths {
    invariant length_nonnegative: forall (n: ChainNode) :: n.length >= 0;
}

// Where messages go: writes to the head, forwarded records down the chain.
Lemma writes_routed {
    invariant writes_to_head: forall (w: eWrite) :: w targets head();
}
Lemma passes_routed {
    invariant passes_down: forall (p: ePass) :: p.from != tail() && p targets successor(p.from);
}

// What a forwarded record carries: the entry of the sender's log at its index.
Lemma passes {
    invariant pass_from_log: forall (p: ePass) ::
        0 <= p.index && p.index < p.from.length && p.from.log[p.index] == p.item;
}

// The head's log holds every other log.
Lemma head_longest {
    invariant head_length: forall (m: ChainNode) :: m.length <= head().length;
    invariant head_entries: forall (m: ChainNode, i: int) :: 0 <= i && i < m.length ==> m.log[i] == head().log[i];
}

// Update propagation: along the chain, logs are prefixes of the logs before them.
Theorem propagation {
    invariant prefix_length: forall (n: ChainNode, m: ChainNode) :: rank(n) <= rank(m) ==> m.length <= n.length;
    invariant prefix_entries: forall (n: ChainNode, m: ChainNode, i: int) ::
        rank(n) <= rank(m) && 0 <= i && i < m.length ==> m.log[i] == n.log[i];
}

// Durability: an acknowledged record is in every node's log, at the index it was acknowledged
// with; so no index is acknowledged with two records.
Theorem durability {
    invariant acked_everywhere: forall (a: eWritten, n: ChainNode) ::
        0 <= a.index && a.index < n.length && n.log[a.index] == a.item;
    invariant acks_agree: forall (a: eWritten, b: eWritten) :: a.index == b.index ==> a.item == b.item;
}

// Acknowledgements in order: the tail has acknowledged every record of its log, so no index is
// acknowledged before the indexes below it.
Theorem ordering {
    invariant tail_acked: forall (i: int) :: 0 <= i && i < tail().length ==> exists (b: eWritten) :: b.index == i;
    invariant acks_gapless: forall (a: eWritten, i: int) :: 0 <= i && i < a.index ==> exists (b: eWritten) :: b.index == i;
}

Proof {
    prove writes_routed;
    prove passes_routed;
    prove lengths;
    prove passes using lengths;
    prove head_longest using writes_routed, passes;
    prove propagation using writes_routed, passes_routed, passes, head_longest;
    prove durability using writes_routed, passes_routed, lengths, passes, propagation;
    prove ordering using lengths, passes_routed, durability;
    prove default;
}
