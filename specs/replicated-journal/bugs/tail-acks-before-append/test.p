// One client appending once, three nodes, no crash: the hasty tail in place of the node.
test param (nNodes in [3], nClients in [1], nCrashes in [0], appends in [1], reads in [1])
    TailAcksBeforeAppend [main=Driver]:
    assert AckedDurable, ChainPrefix, ReadsSeeAcked, AcksInOrder, EventuallyAnswered in
        { HastyTailNode -> Node, Master, Client, CrashInjector, Driver };
