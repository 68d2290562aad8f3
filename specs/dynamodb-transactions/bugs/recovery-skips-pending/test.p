// One transaction, one storage node, a coordinator that may crash: the ledger whose scan skips
// PENDING records in place of the ledger.
test param (nTx in [1], nPartitions in [1], failure in [1], retry in [false], reader in [false], plain in [false])
    RecoverySkipsPending [main=Driver]:
    assert Atomicity, EventuallyDecided, SerializableWrites, SnapshotReads, Idempotency in
        { DecidedOnlyLedger -> Ledger, StorageNode, RequestRouter, Coordinator, WriterClient, ReaderClient, PlainClient,
          FalseSuspicion, Driver };
