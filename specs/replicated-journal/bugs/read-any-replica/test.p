// Two clients that append once and read twice, three nodes, no crash: the spreading client and the
// node that serves reads anywhere, in place of the real ones.
test param (nNodes in [3], nClients in [2], nCrashes in [0], appends in [1], reads in [2])
    ReadAnyReplica [main=Driver]:
    assert AckedDurable, ChainPrefix, ReadsSeeAcked, AcksInOrder, EventuallyAnswered in
        { AnyReplicaNode -> Node, SpreadingClient -> Client, Master, CrashInjector, Driver };
