// Two readers with two GETs each, one writer with one PUT, one partition (so that the readers'
// fills race on it), one witness, no fault: the blind partition in place of the partition. It
// passes.
test param (nPartitions in [1], nWitnesses in [1], writeQuorum in [1], nKeys in [1], readers in [2], writes in [1], reads in [2],
            lists in [0], witnessFaults in [0], cacheFaults in [0])
    BlindCacheInstall [main=Driver]:
    assert ReadAfterWrite, MonotonicReads, OnlyWrittenValues, ListAfterWrite, EveryRequestAnswered in
        { BlindCachePartition -> CachePartition, Client, FrontEnd, Witness, Index, IndexReplica, Journal, FaultInjector, Driver };
