// One transaction, one storage node, no failure (the first commit applied while the ledger says
// PENDING is the violation; a crash at that point would leave the transaction for the recovering
// coordinator to cancel): the hasty coordinator in place of the coordinator.
test param (nTx in [1], nPartitions in [1], failure in [0], retry in [false], reader in [false], plain in [false])
    CommitBeforeDecision [main=Driver]:
    assert Atomicity, EventuallyDecided, SerializableWrites, SnapshotReads, Idempotency in
        { HastyCoordinator -> Coordinator, StorageNode, Ledger, RequestRouter, WriterClient, ReaderClient, PlainClient,
          FalseSuspicion, Driver };
