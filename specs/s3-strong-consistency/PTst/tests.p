// Test drivers. A configuration has nPartitions cache partitions, nWitnesses witnesses with a
// write quorum of writeQuorum (the read quorum is the smallest that intersects it:
// nWitnesses - writeQuorum + 1), one index, a writer and `readers` readers, each client with its
// own front end:
//   - the writer makes `writes` writes: write i is to key i % nKeys, a PUT in the first round over
//     the keys and a DELETE in the second (so writes = 2, nKeys = 1 is PUT 0, DELETE 0);
//   - the reader makes `reads` GETs (GET i of key i % nKeys), then `lists` LISTs. With a LIST,
//     the index has a read replica.
// The fault injector fails up to witnessFaults witnesses and cacheFaults cache partitions.
//
// bugs/ holds the planted bugs, each with its own test, which fails, and a control that passes.
param nPartitions: int;
param nWitnesses: int;
param writeQuorum: int;
param nKeys: int;
param readers: int;
param writes: int;
param reads: int;
param lists: int;
param witnessFaults: int;
param cacheFaults: int;

machine Driver {
    start state Start {
        entry {
            var journal: Journal;
            var witnesses: seq[machine];
            var witnessSet: set[machine];
            var partitions: set[machine];
            var replica: machine;
            var index: machine;
            var i: int;
            journal = new Journal();
            while (i < nWitnesses) {
                witnesses += (i, new Witness(journal));
                witnessSet += (witnesses[i]);
                i = i + 1;
            }
            if (lists > 0) {
                replica = new IndexReplica();
            }
            index = new Index((journal = journal, witnesses = witnesses, writeQuorum = writeQuorum, replica = replica));
            i = 0;
            while (i < nPartitions) {
                partitions += (new CachePartition());
                i = i + 1;
            }
            Connect(WriterScript(), 101, partitions, witnesses, index, replica);
            i = 0;
            while (i < readers) {
                Connect(ReaderScript(), 201 + 100 * i, partitions, witnesses, index, replica);
                i = i + 1;
            }
            if (witnessFaults > 0 || cacheFaults > 0) {
                new FaultInjector((witnesses = witnessSet, partitions = partitions,
                    witnessFaults = witnessFaults, cacheFaults = cacheFaults));
            }
        }
    }

    fun Connect(script: seq[tOp], firstId: int, partitions: set[machine], witnesses: seq[machine], index: machine, replica: machine) {
        var frontEnd: machine;
        if (sizeof(script) == 0) {
            return;
        }
        frontEnd = new FrontEnd((partitions = partitions, witnesses = witnesses,
            readQuorum = nWitnesses - writeQuorum + 1, index = index, replica = replica));
        new Client((frontEnd = frontEnd, firstId = firstId, script = script));
    }
}

fun WriterScript(): seq[tOp] {
    var script: seq[tOp];
    var i: int;
    while (i < writes) {
        if (i < nKeys) {
            script += (i, (kind = PUT, key = i % nKeys));
        } else {
            script += (i, (kind = DELETE, key = i % nKeys));
        }
        i = i + 1;
    }
    return script;
}

fun ReaderScript(): seq[tOp] {
    var script: seq[tOp];
    var i: int;
    while (i < reads) {
        script += (i, (kind = GET, key = i % nKeys));
        i = i + 1;
    }
    while (i < reads + lists) {
        script += (i, (kind = LIST, key = 0));
        i = i + 1;
    }
    return script;
}

module S3 = { Client, FrontEnd, CachePartition, Witness, Index, IndexReplica, Journal, FaultInjector };

// No failures: a writer's PUT (and DELETE) races a reader's two GETs (and LIST) over two partitions.
test param (nPartitions in [2], nWitnesses in [1], writeQuorum in [1], nKeys in [1], readers in [1],
            writes in [1, 2], reads in [2], lists in [0, 1], witnessFaults in [0], cacheFaults in [0])
    NoFaults [main=Driver]:
    assert ReadAfterWrite, MonotonicReads, OnlyWrittenValues, ListAfterWrite, EveryRequestAnswered in (union S3, { Driver });

// A witness fails and restarts at any point (one witness: every barrier during its recovery is
// "unknown").
test param (nPartitions in [2], nWitnesses in [1], writeQuorum in [1], nKeys in [1], readers in [1],
            writes in [1], reads in [2], lists in [0], witnessFaults in [1], cacheFaults in [0])
    WitnessFailure [main=Driver]:
    assert ReadAfterWrite, MonotonicReads, OnlyWrittenValues, ListAfterWrite, EveryRequestAnswered in (union S3, { Driver });

// Two keys: the writer PUTs both, the reader GETs both and LISTs.
test param (nPartitions in [2], nWitnesses in [1], writeQuorum in [1], nKeys in [2], readers in [1],
            writes in [2], reads in [2], lists in [1], witnessFaults in [0], cacheFaults in [0])
    TwoKeys [main=Driver]:
    assert ReadAfterWrite, MonotonicReads, OnlyWrittenValues, ListAfterWrite, EveryRequestAnswered in (union S3, { Driver });

// Larger configurations, checked in CI through pith.json: a cache partition fails; two readers
// whose fills race; three witnesses with write and read quorums of two.
test param (nPartitions in [2], nWitnesses in [1], writeQuorum in [1], nKeys in [1], readers in [1],
            writes in [1], reads in [2], lists in [0], witnessFaults in [0], cacheFaults in [1])
    CacheFailure [main=Driver]:
    assert ReadAfterWrite, MonotonicReads, OnlyWrittenValues, ListAfterWrite, EveryRequestAnswered in (union S3, { Driver });

test param (nPartitions in [2], nWitnesses in [1], writeQuorum in [1], nKeys in [1, 2],
            readers in [2], writes in [1, 2], reads in [1], lists in [0], witnessFaults in [0], cacheFaults in [0])
    assume (nKeys == writes)
    TwoReaders [main=Driver]:
    assert ReadAfterWrite, MonotonicReads, OnlyWrittenValues, ListAfterWrite, EveryRequestAnswered in (union S3, { Driver });

test param (nPartitions in [2], nWitnesses in [3], writeQuorum in [2], nKeys in [1], readers in [1],
            writes in [1], reads in [1], lists in [0], witnessFaults in [0], cacheFaults in [0])
    Quorum [main=Driver]:
    assert ReadAfterWrite, MonotonicReads, OnlyWrittenValues, ListAfterWrite, EveryRequestAnswered in (union S3, { Driver });
