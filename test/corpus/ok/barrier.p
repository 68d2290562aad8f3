// A barrier: workers arrive, and none proceeds until all have arrived.
event eArrive: machine;
event eProceed;
event eProceeded;

machine Barrier receives eArrive; sends eProceed; {
    var expected: int;
    var arrived: seq[machine];

    start state Gathering {
        entry (n: int) {
            expected = n;
        }
        on eArrive do (w: machine) {
            var x: machine;
            arrived += (sizeof(arrived), w);
            if (sizeof(arrived) == expected) {
                foreach (x in arrived) {
                    send x, eProceed;
                }
                goto Released;
            }
        }
    }

    state Released {
        ignore eArrive;
    }
}

machine BarrierWorker receives eProceed; sends eArrive; {
    start state Working {
        entry (b: Barrier) {
            send b, eArrive, this;
        }
        on eProceed goto Past;
    }

    state Past {
        entry {
            announce eProceeded;
        }
    }
}

spec AllArriveFirst observes eArrive, eProceeded {
    var arrivals: int;

    start state Counting {
        on eArrive do {
            arrivals = arrivals + 1;
        }
        on eProceeded do {
            assert arrivals == 3, format("proceeded after only {0} arrivals", arrivals);
        }
    }
}

machine ThreeWorkers {
    start state Start {
        entry {
            var b: Barrier;
            b = new Barrier(3);
            new BarrierWorker(b);
            new BarrierWorker(b);
            new BarrierWorker(b);
        }
    }
}

test Sync [main=ThreeWorkers]: assert AllArriveFirst in { ThreeWorkers, Barrier, BarrierWorker };
