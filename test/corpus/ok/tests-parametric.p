// Parametric tests: global `param`s, assigned by tests over lists of values, filtered by `assume`,
// and combined pairwise with `(2 wise)`.
param nWorkers: int;
param nTasks: int;
param withRetry: bool;

event eTask: int;
event eFinished: int;

machine Pool receives eFinished; sends eTask; {
    var workers: seq[Worker];
    var done: int;

    start state Dispatch {
        entry {
            var i: int;
            while (i < nWorkers) {
                workers += (i, new Worker(this));
                i = i + 1;
            }
            i = 0;
            while (i < nTasks) {
                send workers[i % nWorkers], eTask, i;
                i = i + 1;
            }
        }
        on eFinished do (task: int) {
            done = done + 1;
            assert done <= nTasks, "more tasks finished than were started";
        }
    }
}

machine Worker receives eTask; sends eTask, eFinished; {
    var pool: Pool;

    start state Working {
        entry (p: Pool) {
            pool = p;
        }
        on eTask do (task: int) {
            if (withRetry && $) {
                send this, eTask, task;
                return;
            }
            send pool, eFinished, task;
        }
    }
}

module Workers = { Pool, Worker };

test Small [main=Pool]: Workers;
test param (nWorkers in [1, 2, 3]) Sweep [main=Pool]: Workers;
test param (nWorkers in [1, 2], nTasks in [0, 1, 4]) assume (nTasks >= nWorkers) Filtered [main=Pool]: Workers;
test param (nWorkers in [1, 2, 3], nTasks in [1, 2, 3], withRetry in [true, false]) (2 wise) Pairwise [main=Pool]: Workers;
