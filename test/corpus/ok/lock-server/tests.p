machine TwoClients {
    start state Start {
        entry {
            var server: LockServer;
            server = new LockServer();
            new LockClient(server);
            new LockClient(server);
        }
    }
}

module Lock = { LockServer, LockClient };

test LockTwoClients [main=TwoClients]: assert MutualExclusion in (union Lock, { TwoClients });
