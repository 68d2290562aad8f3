// Interfaces: a client creates a store through an interface, passing the configuration payload;
// the test binds a concrete machine to it.
type tConfig = (capacity: int, name: string);

event ePut: (key: int, client: machine);
event eFull;
event eStored: int;

interface IStore(tConfig) receives ePut;
interface IClient() receives eFull, eStored;

machine BoundedStore receives ePut; sends eFull, eStored; {
    var config: tConfig;
    var stored: set[int];

    start state Init {
        entry (c: tConfig) {
            config = c;
            goto Accepting;
        }
    }

    state Accepting {
        on ePut do (p: (key: int, client: machine)) {
            if (sizeof(stored) >= config.capacity) {
                send p.client, eFull;
                return;
            }
            stored += (p.key);
            send p.client, eStored, p.key;
        }
    }
}

machine StoreClient receives eFull, eStored; sends ePut; {
    var store: IStore;
    var stored: int;

    start state Filling {
        entry {
            store = new IStore((capacity = 2, name = "small"));
            send store, ePut, (key = 1, client = this);
            send store, ePut, (key = 2, client = this);
            send store, ePut, (key = 3, client = this);
        }
        on eStored do (k: int) {
            stored = stored + 1;
        }
        on eFull do {
            assert stored <= 2, "the store holds at most its capacity";
        }
    }
}

test Bounded [main=StoreClient]: { StoreClient -> IClient, BoundedStore -> IStore };
