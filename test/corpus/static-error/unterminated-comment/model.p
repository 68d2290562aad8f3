event eDone;

/* The machine below is not finished yet.
machine Draft {
    start state S {
    }
}
