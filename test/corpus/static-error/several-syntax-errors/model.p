// Four independent mistakes: recovery reports each of them.
event eOpen: int

machine Valve {
    var level: int;

    start state Closed {
        on eOpen do (n: int) {
            level = n +;
        }
    }
}

machine Gauge {
    start state Reading {
        entry {
            print "reading";
            var x: int;
            x = 4294967296;
        }
    }
}
