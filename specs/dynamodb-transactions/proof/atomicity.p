// DynamoDB transactions' atomicity, proved with `pith prove` for any number of transactions, of
// items per transaction, of storage nodes (shards), coordinators, clients and recoveries.
//
// A separate, prover-friendly formulation of the write path of ../PSrc. The prover takes a fixed
// set of machines (no `new`), no crashes (no `halt`), and a loop only with loop invariants, so:
// - the transactions, their items and the placement of items on shards are pure functions:
//   transaction t has the items txItem(t, 0) .. txItem(t, txSize(t) - 1), item i is on
//   shardOf(i); whether an item's condition fails for t is another pure function;
// - a coordinator keeps no state (as in the service, what it needs is in the messages and the
//   ledger), and goes through a transaction's items one at a time: it prepares item k + 1 when item
//   k has voted yes, asks the ledger to commit after the last yes, to cancel after a no; then it
//   sends the decision on record to item 0, and to item k + 1 when item k has acknowledged it. The
//   checked model sends the prepares (and the decisions) to all items at once and counts the
//   answers; the decision rule is the same;
// - a crash is not modelled as such: a coordinator that stops is one that takes no further step,
//   which the prover always allows. Recovery is a sweeper, any number of them, each of which, at
//   any moment, asks a coordinator to cancel one transaction, conditionally (a zombie owner and
//   a recovering coordinator are both covered: any coordinator may run any step of any
//   transaction, any number of times);
// - a retry with the same token is a second client of the same transaction (the ledger's token
//   index maps both to the same transaction id).
//
// What is proved:
// - atomicity.applied_committed: an item has a transaction's write applied only if the ledger
//   has the transaction COMMITTED;
// - decisions.decisions_final: no transaction is both committed and cancelled in the ledger (a
//   decision never changes, so a cancelled transaction has no write applied);
// - atomicity.all_or_nothing: once a transaction is committed, each of its items either has
//   applied its write or still holds its prepare (which only its commit removes), so when no
//   commit is left in flight, every item has applied it.
// Names differ from the checked model's, so both can be loaded together (`pith check
// specs/dynamodb-transactions` reads this file too, and has no test for it).

type tApplied = (txn: int, item: int);

// Client to coordinator: run transaction `txn`.
event eTxnBegin: int;
event eTxnPrepare: (coord: TxnCoordinator, txn: int, k: int);
event eTxnVote: (txn: int, k: int, yes: bool);
// Coordinator to ledger: commit (or cancel) the transaction, if it is still pending.
event eTxnDecide: (coord: TxnCoordinator, txn: int, commit: bool);
// Ledger to coordinator: the decision on record.
event eTxnDecided: (txn: int, commit: bool);
event eTxnCommit: (coord: TxnCoordinator, txn: int, k: int);
event eTxnCommitAck: (txn: int, k: int);
event eTxnCancel: (coord: TxnCoordinator, txn: int, k: int);
event eTxnCancelAck: (txn: int, k: int);
// Sweeper to coordinator: recover this transaction (cancel it unless it is decided).
event eTxnRecover: int;

pure txSize(t: int): int;
pure txItem(t: int, k: int): int;
pure shardOf(i: int): TxnShard;
pure conditionFails(t: int, i: int): bool;
pure ledger(): TxnLedger;
pure txnOf(c: TxnClient): int;
pure coordOf(c: TxnClient): TxnCoordinator;
pure suspect(s: TxnSweeper): int;
pure recoverer(s: TxnSweeper): TxnCoordinator;

axiom forall (t: int) :: txSize(t) >= 1;
init-condition forall (l: TxnLedger) :: l == ledger();

machine TxnClient {
    start state Running {
        entry {
            send coordOf(this), eTxnBegin, txnOf(this);
        }
    }
}

machine TxnSweeper {
    start state Sweeping {
        entry {
            send recoverer(this), eTxnRecover, suspect(this);
        }
    }
}

machine TxnCoordinator {
    start state Serving {
        on eTxnBegin do (t: int) {
            send shardOf(txItem(t, 0)), eTxnPrepare, (coord = this, txn = t, k = 0);
        }
        on eTxnVote do (v: (txn: int, k: int, yes: bool)) {
            if (!v.yes) {
                send ledger(), eTxnDecide, (coord = this, txn = v.txn, commit = false);
            } else if (v.k + 1 < txSize(v.txn)) {
                send shardOf(txItem(v.txn, v.k + 1)), eTxnPrepare, (coord = this, txn = v.txn, k = v.k + 1);
            } else {
                send ledger(), eTxnDecide, (coord = this, txn = v.txn, commit = true);
            }
        }
        on eTxnRecover do (t: int) {
            send ledger(), eTxnDecide, (coord = this, txn = t, commit = false);
        }
        on eTxnDecided do (d: (txn: int, commit: bool)) {
            if (d.commit) {
                send shardOf(txItem(d.txn, 0)), eTxnCommit, (coord = this, txn = d.txn, k = 0);
            } else {
                send shardOf(txItem(d.txn, 0)), eTxnCancel, (coord = this, txn = d.txn, k = 0);
            }
        }
        on eTxnCommitAck do (a: (txn: int, k: int)) {
            if (a.k + 1 < txSize(a.txn)) {
                send shardOf(txItem(a.txn, a.k + 1)), eTxnCommit, (coord = this, txn = a.txn, k = a.k + 1);
            }
        }
        on eTxnCancelAck do (a: (txn: int, k: int)) {
            if (a.k + 1 < txSize(a.txn)) {
                send shardOf(txItem(a.txn, a.k + 1)), eTxnCancel, (coord = this, txn = a.txn, k = a.k + 1);
            }
        }
    }
}

// The ledger: a decision is written only over PENDING (neither committed nor cancelled).
machine TxnLedger {
    var committed: set[int];
    var cancelled: set[int];

    start state Serving {
        on eTxnDecide do (d: (coord: TxnCoordinator, txn: int, commit: bool)) {
            if (!(d.txn in committed) && !(d.txn in cancelled)) {
                if (d.commit) {
                    committed += (d.txn);
                } else {
                    cancelled += (d.txn);
                }
            }
            send d.coord, eTxnDecided, (txn = d.txn, commit = d.txn in committed);
        }
    }
}

// A storage node: item -> the transaction prepared on it; and the writes it has applied.
machine TxnShard {
    var holder: map[int, int];
    var applied: set[tApplied];

    start state Serving {
        on eTxnPrepare do (p: (coord: TxnCoordinator, txn: int, k: int)) {
            var i: int;
            var yes: bool;
            i = txItem(p.txn, p.k);
            if (!(i in holder)) {
                if (!conditionFails(p.txn, i)) {
                    holder[i] = p.txn;
                    yes = true;
                }
            } else if (holder[i] == p.txn) {
                yes = true;
            }
            send p.coord, eTxnVote, (txn = p.txn, k = p.k, yes = yes);
        }
        on eTxnCommit do (c: (coord: TxnCoordinator, txn: int, k: int)) {
            var i: int;
            i = txItem(c.txn, c.k);
            if (i in holder && holder[i] == c.txn) {
                holder -= i;
                applied += ((txn = c.txn, item = i));
            }
            send c.coord, eTxnCommitAck, (txn = c.txn, k = c.k);
        }
        on eTxnCancel do (c: (coord: TxnCoordinator, txn: int, k: int)) {
            var i: int;
            i = txItem(c.txn, c.k);
            if (i in holder && holder[i] == c.txn) {
                holder -= i;
            }
            send c.coord, eTxnCancelAck, (txn = c.txn, k = c.k);
        }
    }
}

// Where messages go, and the indexes they carry.
Lemma routing {
    invariant decide_to_ledger: forall (d: eTxnDecide) :: d targets ledger();
    invariant prepare_to_shard: forall (p: eTxnPrepare) :: p targets shardOf(txItem(p.txn, p.k));
    invariant prepare_index: forall (p: eTxnPrepare) :: 0 <= p.k && p.k < txSize(p.txn);
    invariant vote_index: forall (v: eTxnVote) :: 0 <= v.k && v.k < txSize(v.txn);
    invariant commit_index: forall (c: eTxnCommit) :: 0 <= c.k && c.k < txSize(c.txn);
    invariant cancel_index: forall (c: eTxnCancel) :: 0 <= c.k && c.k < txSize(c.txn);
    invariant commit_ack_index: forall (a: eTxnCommitAck) :: 0 <= a.k && a.k < txSize(a.txn);
    invariant cancel_ack_index: forall (a: eTxnCancelAck) :: 0 <= a.k && a.k < txSize(a.txn);
}

// Decisions reach the items only once they are on record.
Lemma decisions_recorded {
    invariant decided_on_record: forall (d: eTxnDecided) ::
        (d.commit ==> d.txn in ledger().committed) && (!d.commit ==> d.txn in ledger().cancelled);
    invariant commits_on_record: forall (c: eTxnCommit) :: c.txn in ledger().committed;
    invariant commit_acks_on_record: forall (a: eTxnCommitAck) :: a.txn in ledger().committed;
    invariant cancels_on_record: forall (c: eTxnCancel) :: c.txn in ledger().cancelled;
    invariant cancel_acks_on_record: forall (a: eTxnCancelAck) :: a.txn in ledger().cancelled;
}

// A yes is a prepare held: up to the item that voted (or was asked), every item of a transaction
// that is not cancelled holds its prepare or has applied its write.
Lemma prepares_held {
    invariant prepared_before: forall (p: eTxnPrepare, j: int, s: TxnShard) ::
        !(p.txn in ledger().cancelled) && 0 <= j && j < p.k && s == shardOf(txItem(p.txn, j)) ==>
            (txItem(p.txn, j) in s.holder && s.holder[txItem(p.txn, j)] == p.txn) ||
            (txn = p.txn, item = txItem(p.txn, j)) in s.applied;
    invariant yes_held: forall (v: eTxnVote, j: int, s: TxnShard) ::
        v.yes && !(v.txn in ledger().cancelled) && 0 <= j && j <= v.k && s == shardOf(txItem(v.txn, j)) ==>
            (txItem(v.txn, j) in s.holder && s.holder[txItem(v.txn, j)] == v.txn) ||
            (txn = v.txn, item = txItem(v.txn, j)) in s.applied;
    invariant commit_asked_held: forall (d: eTxnDecide, j: int, s: TxnShard) ::
        d.commit && !(d.txn in ledger().cancelled) && 0 <= j && j < txSize(d.txn) && s == shardOf(txItem(d.txn, j)) ==>
            (txItem(d.txn, j) in s.holder && s.holder[txItem(d.txn, j)] == d.txn) ||
            (txn = d.txn, item = txItem(d.txn, j)) in s.applied;
}

// A decision never changes: no transaction is both committed and cancelled.
Theorem decisions {
    invariant decisions_final: forall (t: int) :: !(t in ledger().committed && t in ledger().cancelled);
}

Theorem atomicity {
    invariant applied_committed: forall (s: TxnShard, t: int, i: int) ::
        (txn = t, item = i) in s.applied ==> t in ledger().committed;
    invariant all_or_nothing: forall (t: int, j: int, s: TxnShard) ::
        t in ledger().committed && 0 <= j && j < txSize(t) && s == shardOf(txItem(t, j)) ==>
            (txItem(t, j) in s.holder && s.holder[txItem(t, j)] == t) || (txn = t, item = txItem(t, j)) in s.applied;
}

Proof {
    prove routing;
    prove decisions_recorded using routing;
    prove decisions;
    prove atomicity, prepares_held using routing, decisions_recorded, decisions;
    prove default using routing;
}
