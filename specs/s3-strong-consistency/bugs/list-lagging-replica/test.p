// One writer with one PUT, one reader with one LIST, one witness, no fault: the lagging replica in
// place of the replica.
test param (nPartitions in [2], nWitnesses in [1], writeQuorum in [1], nKeys in [1], readers in [1], writes in [1], reads in [0],
            lists in [1], witnessFaults in [0], cacheFaults in [0])
    ListFromLaggingReplica [main=Driver]:
    assert ReadAfterWrite, MonotonicReads, OnlyWrittenValues, ListAfterWrite, EveryRequestAnswered in
        { LaggingIndexReplica -> IndexReplica, Client, FrontEnd, CachePartition, Witness, Index, Journal, FaultInjector, Driver };
