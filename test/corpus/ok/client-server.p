// A key-value server answering reads and writes from several clients; each client writes a key,
// reads it back and checks that it sees its own write.
type tWrite = (client: Client, key: string, value: int);
type tRead = (client: Client, key: string);
type tReadResult = (key: string, value: int, found: bool);

event eWrite: tWrite;
event eWriteAck: string;
event eRead: tRead;
event eReadResult: tReadResult;

machine Server receives eWrite, eRead; sends eWriteAck, eReadResult; {
    var store: map[string, int];

    start state Serving {
        on eWrite do (req: tWrite) {
            store[req.key] = req.value;
            send req.client, eWriteAck, req.key;
        }
        on eRead do (req: tRead) {
            if (req.key in store) {
                send req.client, eReadResult, (key = req.key, value = store[req.key], found = true);
            } else {
                send req.client, eReadResult, (key = req.key, value = 0, found = false);
            }
        }
    }
}

machine Client receives eWriteAck, eReadResult; sends eWrite, eRead; {
    var server: Server;
    var key: string;
    var written: int;

    start state Init {
        entry (config: (server: Server, key: string, value: int)) {
            server = config.server;
            key = config.key;
            written = config.value;
            send server, eWrite, (client = this, key = key, value = written);
            goto AwaitWrite;
        }
    }

    state AwaitWrite {
        on eWriteAck do (acked: string) {
            assert acked == key, format("acknowledged {0} instead of {1}", acked, key);
            send server, eRead, (client = this, key = key);
            goto AwaitRead;
        }
    }

    state AwaitRead {
        on eReadResult goto Done with (result: tReadResult) {
            assert result.found, "a written key must be found";
            assert result.value == written, format("read {0} after writing {1}", result.value, written);
        }
    }

    state Done {
        ignore eWriteAck, eReadResult;
    }
}

machine Setup {
    start state Start {
        entry {
            var server: Server;
            server = new Server();
            new Client((server = server, key = "a", value = 1));
            new Client((server = server, key = "b", value = 2));
        }
    }
}

test TwoClients [main=Setup]: { Setup, Server, Client };
