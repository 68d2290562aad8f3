machine Raiser {
    start state S {
        entry {
            raise null;
        }
    }
}
