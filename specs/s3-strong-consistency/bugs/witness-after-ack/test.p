// One writer with one PUT, one reader with two GETs, two partitions, one witness, no fault: the
// late-witness index in place of the index.
test param (nPartitions in [2], nWitnesses in [1], writeQuorum in [1], nKeys in [1], readers in [1], writes in [1], reads in [2],
            lists in [0], witnessFaults in [0], cacheFaults in [0])
    WitnessAfterAck [main=Driver]:
    assert ReadAfterWrite, MonotonicReads, OnlyWrittenValues, ListAfterWrite, EveryRequestAnswered in
        { LateWitnessIndex -> Index, Client, FrontEnd, CachePartition, Witness, IndexReplica, Journal, FaultInjector, Driver };
