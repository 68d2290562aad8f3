// One client appending once, three nodes, no crash: the eager head in place of the node.
test param (nNodes in [3], nClients in [1], nCrashes in [0], appends in [1], reads in [1])
    HeadAcksEarly [main=Driver]:
    assert AckedDurable, ChainPrefix, ReadsSeeAcked, AcksInOrder, EventuallyAnswered in
        { EagerHeadNode -> Node, Master, Client, CrashInjector, Driver };
