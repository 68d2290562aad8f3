// One server and `nKvClients` clients (one when not set), each writing its own value.
//
// bugs/stale-read holds a planted bug and its test, StaleRead, which fails. To check only the
// correct design: pith check examples/client-server -t KvClients
param nKvClients: int;

machine KvDriver {
    start state Start {
        entry {
            var server: KvServer;
            var i: int;
            server = new KvServer();
            new KvClient((server = server, value = 11));
            i = 1;
            while (i < nKvClients) {
                i = i + 1;
                new KvClient((server = server, value = 11 * i));
            }
        }
    }
}

module KeyValueStore = { KvServer, KvClient };

test param (nKvClients in [1, 2, 3]) KvClients [main=KvDriver]:
    assert CorrectResponses, EveryRequestAnswered in (union KeyValueStore, { KvDriver });
