// One writer with one PUT, one reader with two GETs, two partitions, one witness, no fault: the
// trusting front end in place of the front end.
test param (nPartitions in [2], nWitnesses in [1], writeQuorum in [1], nKeys in [1], readers in [1], writes in [1], reads in [2],
            lists in [0], witnessFaults in [0], cacheFaults in [0])
    CacheWithoutWitness [main=Driver]:
    assert ReadAfterWrite, MonotonicReads, OnlyWrittenValues, ListAfterWrite, EveryRequestAnswered in
        { TrustingFrontEnd -> FrontEnd, Client, CachePartition, Witness, Index, IndexReplica, Journal, FaultInjector, Driver };
