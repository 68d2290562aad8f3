machine TwoShards {
    start state Start {
        entry {
            var shards: seq[IShard];
            shards += (0, new IShard());
            shards += (1, new IShard());
            new KvClient(shards);
        }
    }
}

test Sharded [main=TwoShards]: assert Durability in { TwoShards, KvClient, Shard -> IShard };
