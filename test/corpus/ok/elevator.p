// An elevator controller: doors open only when the car is stopped, and requests are served in the
// order they arrive.
enum Door { CLOSED, OPEN }

event eCall: int;
event eArrived: int;
event eDoorsOpened: int;

machine Elevator receives eCall; {
    var floor: int;
    var door: Door;
    var queue: seq[int];

    start state Idle {
        entry {
            door = CLOSED;
            if (sizeof(queue) > 0) {
                goto Moving;
            }
        }
        on eCall do (f: int) {
            queue += (sizeof(queue), f);
            goto Moving;
        }
    }

    state Moving {
        entry {
            assert door == CLOSED, "moving with the doors open";
            floor = queue[0];
            queue -= 0;
            announce eArrived, floor;
            goto DoorsOpen;
        }
        defer eCall;
    }

    state DoorsOpen {
        entry {
            door = OPEN;
            announce eDoorsOpened, floor;
            goto Idle;
        }
        defer eCall;
    }
}

spec DoorsOnlyAtFloor observes eArrived, eDoorsOpened {
    var at: int;

    start state Tracking {
        entry {
            at = -1;
        }
        on eArrived do (f: int) {
            at = f;
        }
        on eDoorsOpened do (f: int) {
            assert f == at, format("doors opened at {0} while the car is at {1}", f, at);
        }
    }
}

machine Passengers sends eCall; {
    start state Start {
        entry {
            var e: Elevator;
            e = new Elevator();
            send e, eCall, 3;
            send e, eCall, 1;
        }
    }
}

test Lift [main=Passengers]: assert DoorsOnlyAtFloor in { Passengers, Elevator };
