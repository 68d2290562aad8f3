machine Replica {
    start state S {
    }
}

machine Cluster {
    start state S {
        entry {
            new Replica();
            new Replica();
        }
    }
}

test Replicated [main=Cluster]: { Cluster };
