interface IStore() receives;

machine MemoryStore {
    start state S {
    }
}

machine DiskStore {
    start state S {
    }
}

machine App {
    start state S {
        entry {
            new IStore();
        }
    }
}

test Both [main=App]: union { App, MemoryStore -> IStore }, { DiskStore -> IStore };
