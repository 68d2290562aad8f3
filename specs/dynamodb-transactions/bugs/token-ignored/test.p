// One transaction whose client retries it, one storage node: the forgetful ledger in place of the
// ledger.
test param (nTx in [1], nPartitions in [1], failure in [0], retry in [true], reader in [false], plain in [false])
    TokenIgnored [main=Driver]:
    assert Atomicity, EventuallyDecided, SerializableWrites, SnapshotReads, Idempotency in
        { ForgetfulLedger -> Ledger, StorageNode, RequestRouter, Coordinator, WriterClient, ReaderClient, PlainClient,
          FalseSuspicion, Driver };
