event eRead;
event eWrite: int;

machine ReadOnly receives eRead; {
    start state Serving {
        on eRead do {
            print "read";
        }
    }
}

machine Client {
    start state Start {
        entry {
            var store: ReadOnly;
            store = new ReadOnly();
            send store, eWrite, 1;
        }
    }
}
