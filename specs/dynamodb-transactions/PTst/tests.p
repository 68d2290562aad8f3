// Test drivers: two items, one or two storage nodes (item i on node i % nPartitions), the ledger,
// the router, two coordinators, and the clients:
// - nTx write transactions: T1 (token 1) adds 1 to both items; T2 (token 2) puts 5 in item 0 on
//   the condition that item 1 does not exist (a ConditionCheck), so its outcome depends on its
//   order with T1;
// - with `retry`, T1's client sends its request a second time, with the same token;
// - with `reader`, a TransactGetItems of both items; with `plain`, a PutItem of item 0, then a
//   GetItem of it;
// - failure 0: none; 1: coordinator 0 may crash once, at any event of a write transaction, and
//   coordinator 1 recovers its transactions; 2: coordinator 1 wrongly suspects coordinator 0 once,
//   at any moment, and recovers its transactions while it goes on (a zombie).
// Timestamps come from the coordinators' clocks, fixed: coordinator 0 starts at 10, coordinator 1
// at 20 (clock order as a parameter of the model, rather than a choice of the checker).
// Transactions reach the coordinators in turn, in the order they reach the router, so both orders
// of two transactions' timestamps are explored.
//
// bugs/ holds six planted bugs, each with its own test, which fails.
param nTx: int;
param nPartitions: int;
param failure: int;
param retry: bool;
param reader: bool;
param plain: bool;

machine Driver {
    start state Start {
        entry {
            var nodes: seq[machine];
            var coordinators: seq[machine];
            var ledger: machine;
            var router: machine;
            var held: seq[int];
            var p: int;
            var item: int;
            while (p < nPartitions) {
                held = default(seq[int]);
                item = p;
                while (item < 2) {
                    held += (sizeof(held), item);
                    item = item + nPartitions;
                }
                nodes += (p, new StorageNode(held));
                p = p + 1;
            }
            ledger = new Ledger();
            coordinators = Coordinators(ledger, nodes);
            router = new RequestRouter((coordinators = coordinators, nodes = nodes));
            new WriterClient((router = router, token = 1, writes = AddToBoth(), retry = retry));
            if (nTx > 1) {
                new WriterClient((router = router, token = 2, writes = PutIfAbsent(), retry = false));
            }
            if (reader) {
                new ReaderClient((router = router, items = Both()));
            }
            if (plain) {
                new PlainClient((router = router, item = 0, value = 7, delete = false));
            }
            if (failure == 2) {
                new FalseSuspicion(coordinators[1]);
            }
        }
    }

    fun Coordinators(ledger: machine, nodes: seq[machine]): seq[machine] {
        var c0: machine;
        var c1: machine;
        var all: seq[machine];
        c1 = new Coordinator((ledger = ledger, nodes = nodes, clock = 20, crashes = false, peer = ledger));
        c0 = new Coordinator((ledger = ledger, nodes = nodes, clock = 10, crashes = failure == 1, peer = c1));
        all += (0, c0);
        all += (1, c1);
        return all;
    }
}

fun Both(): seq[int] {
    var s: seq[int];
    s += (0, 0);
    s += (1, 1);
    return s;
}

// T1: item 0 += 1, item 1 += 1.
fun AddToBoth(): seq[tWrite] {
    var s: seq[tWrite];
    s += (0, (item = 0, action = ADD, value = 1, condition = NO_CONDITION, expected = 0));
    s += (1, (item = 1, action = ADD, value = 1, condition = NO_CONDITION, expected = 0));
    return s;
}

// T2: item 0 := 5 if item 1 does not exist.
fun PutIfAbsent(): seq[tWrite] {
    var s: seq[tWrite];
    s += (0, (item = 0, action = PUT, value = 5, condition = NO_CONDITION, expected = 0));
    s += (1, (item = 1, action = CHECK, value = 0, condition = ITEM_NOT_EXISTS, expected = 0));
    return s;
}

module Transactions = { StorageNode, Ledger, RequestRouter, Coordinator, WriterClient, ReaderClient, PlainClient, FalseSuspicion };

// The configurations pith.json checks (model "dynamodb-transactions", under a minute in all):
// every feature on its own, with one transaction or two; and each kind of failure.
test param (nTx in [1, 2], nPartitions in [1, 2], failure in [0], retry in [false], reader in [false], plain in [false])
    Basic [main=Driver]:
    assert Atomicity, EventuallyDecided, SerializableWrites, SnapshotReads, Idempotency in (union Transactions, { Driver });
test param (nTx in [1], nPartitions in [1, 2], failure in [1, 2], retry in [false, true], reader in [false], plain in [false])
    Failures [main=Driver]:
    assert Atomicity, EventuallyDecided, SerializableWrites, SnapshotReads, Idempotency in (union Transactions, { Driver });
test param (nTx in [1], nPartitions in [1, 2], failure in [0], retry in [false], reader in [true], plain in [false])
    Reads [main=Driver]:
    assert Atomicity, EventuallyDecided, SerializableWrites, SnapshotReads, Idempotency in (union Transactions, { Driver });
test param (nTx in [1], nPartitions in [1, 2], failure in [0], retry in [false], reader in [false], plain in [true])
    PlainOps [main=Driver]:
    assert Atomicity, EventuallyDecided, SerializableWrites, SnapshotReads, Idempotency in (union Transactions, { Driver });
test param (nTx in [2], nPartitions in [1], failure in [1, 2], retry in [false], reader in [false], plain in [false])
    TwoTxFailures [main=Driver]:
    assert Atomicity, EventuallyDecided, SerializableWrites, SnapshotReads, Idempotency in (union Transactions, { Driver });

// Larger configurations (model "dynamodb-transactions-large" of pith.json, minutes): two
// transactions with a crash or a false suspicion on two storage nodes, with a retry, or with
// plain operations or a reader; one transaction with a crash and everything else at once (3 million
// states). Two transactions with both a reader and a plain client, or one with a false suspicion
// and everything else, pass 2.6 and 4.2 million states without an end in 5 minutes.
test param (nTx in [2], nPartitions in [2], failure in [1, 2], retry in [false], reader in [false], plain in [false])
    LargeFailures [main=Driver]:
    assert Atomicity, EventuallyDecided, SerializableWrites, SnapshotReads, Idempotency in (union Transactions, { Driver });
test param (nTx in [2], nPartitions in [1], failure in [0], retry in [true], reader in [false], plain in [false])
    LargeRetry [main=Driver]:
    assert Atomicity, EventuallyDecided, SerializableWrites, SnapshotReads, Idempotency in (union Transactions, { Driver });
test param (nTx in [2], nPartitions in [1], failure in [0], retry in [false], reader in [true, false], plain in [true, false])
    assume (reader != plain)
    LargeMixed [main=Driver]:
    assert Atomicity, EventuallyDecided, SerializableWrites, SnapshotReads, Idempotency in (union Transactions, { Driver });
test param (nTx in [1], nPartitions in [2], failure in [1], retry in [true], reader in [true], plain in [true])
    LargeEverything [main=Driver]:
    assert Atomicity, EventuallyDecided, SerializableWrites, SnapshotReads, Idempotency in (union Transactions, { Driver });
