// The number of clients is a parameter: the parametric test runs the model with one, two and three
// clients competing for the lock.
param nClients: int;

machine Clients {
    start state Start {
        entry {
            var server: LockServer;
            var i: int;
            server = new LockServer();
            while (i < nClients) {
                new LockClient(server);
                i = i + 1;
            }
        }
    }
}

module LockSystem = union { LockServer, LockClient }, { Clients };

test param (nClients in [1, 2, 3]) Contention [main=Clients]: assert MutualExclusion, NoStarvation in LockSystem;
