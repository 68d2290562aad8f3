machine Server {
    start state S {
    }
}

machine Driver {
    start state S {
        entry {
            new Server();
        }
    }
}

test Serve [main=Driver]: { Server };
