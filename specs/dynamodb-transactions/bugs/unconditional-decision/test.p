// One transaction, one storage node, a false suspicion: the overwriting ledger in place of the
// ledger.
test param (nTx in [1], nPartitions in [1], failure in [2], retry in [false], reader in [false], plain in [false])
    UnconditionalDecision [main=Driver]:
    assert Atomicity, EventuallyDecided, SerializableWrites, SnapshotReads, Idempotency in
        { OverwritingLedger -> Ledger, StorageNode, RequestRouter, Coordinator, WriterClient, ReaderClient, PlainClient,
          FalseSuspicion, Driver };
