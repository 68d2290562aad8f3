// A monitor with a start state that is neither hot nor cold, entry and exit functions, a
// function of its own, ignore, and goto with payload between its states.
event eOpen: string;
event eClose: string;
event eWrite: string;

spec FileDiscipline observes eOpen, eClose, eWrite {
    var opened: set[string];
    var writes: int;

    start state Closed {
        entry {
            assert sizeof(opened) == 0;
        }
        on eOpen goto Open;
        ignore eClose;
        on eWrite do (f: string) {
            assert false, format("write to {0} while nothing is open", f);
        }
    }

    state Open {
        entry (f: string) {
            opened += (f);
        }
        on eWrite do (f: string) {
            Require(f);
            writes = writes + 1;
        }
        on eOpen do (f: string) {
            opened += (f);
        }
        on eClose do (f: string) {
            Require(f);
            opened -= f;
            if (sizeof(opened) == 0) {
                goto Closed;
            }
        }
        exit {
            print format("{0} writes so far", writes);
        }
    }

    fun Require(f: string) {
        assert f in opened, format("{0} is not open", f);
    }
}

machine Program {
    start state Run {
        entry {
            announce eOpen, "a.txt";
            announce eWrite, "a.txt";
            announce eOpen, "b.txt";
            announce eClose, "a.txt";
            announce eWrite, "b.txt";
            announce eClose, "b.txt";
        }
    }
}

test Files [main=Program]: assert FileDiscipline in { Program };
