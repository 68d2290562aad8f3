// Two clients appending once each, three nodes, one crash: the redirecting node in place of the
// node. Two appends are needed: one on its way to the middle node when it crashes, and one after.
test param (nNodes in [3], nClients in [2], nCrashes in [1], appends in [1], reads in [0])
    NoResend [main=Driver]:
    assert AckedDurable, ChainPrefix, ReadsSeeAcked, AcksInOrder, EventuallyAnswered in
        { RedirectingNode -> Node, Master, Client, CrashInjector, Driver };
