// One transaction on both items, a reader of both items, two storage nodes: the one-round
// coordinator in place of the coordinator.
test param (nTx in [1], nPartitions in [2], failure in [0], retry in [false], reader in [true], plain in [false])
    SingleRoundRead [main=Driver]:
    assert Atomicity, EventuallyDecided, SerializableWrites, SnapshotReads, Idempotency in
        { OneRoundCoordinator -> Coordinator, StorageNode, Ledger, RequestRouter, WriterClient, ReaderClient, PlainClient,
          FalseSuspicion, Driver };
