// One transaction, a PutItem of item 0, one storage node: the eager storage node in place of the
// storage node.
test param (nTx in [1], nPartitions in [1], failure in [0], retry in [false], reader in [false], plain in [true])
    WriteOnPrepared [main=Driver]:
    assert Atomicity, EventuallyDecided, SerializableWrites, SnapshotReads, Idempotency in
        { EagerStorageNode -> StorageNode, Ledger, RequestRouter, Coordinator, WriterClient, ReaderClient, PlainClient,
          FalseSuspicion, Driver };
