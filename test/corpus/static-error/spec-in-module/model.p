event eTick;

machine Clock {
    start state S {
        entry {
            announce eTick;
        }
    }
}

spec Ticks observes eTick {
    start state S {
        ignore eTick;
    }
}

test Timing [main=Clock]: { Clock, Ticks };
