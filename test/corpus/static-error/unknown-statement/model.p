machine Worker {
    var jobs: int;

    start state Working {
        entry {
            jobs++;
        }
    }
}
