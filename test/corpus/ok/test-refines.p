// `refines`: a test whose module must only show behaviours of an abstract module. The detailed
// counter batches increments; the abstract one adds them one at a time.
event eIncrement;
event eValue: int;

machine AbstractCounter receives eIncrement; sends eValue; {
    var n: int;

    start state Counting {
        entry (observer: machine) {
            send observer, eValue, n;
        }
        on eIncrement do {
            n = n + 1;
        }
    }
}

machine BatchingCounter receives eIncrement; sends eValue; {
    var pending: int;
    var n: int;

    start state Counting {
        entry (observer: machine) {
            send observer, eValue, n;
        }
        on eIncrement do {
            pending = pending + 1;
            if (pending == 2) {
                n = n + pending;
                pending = 0;
            }
        }
    }
}

machine CounterUser receives eValue; sends eIncrement; {
    start state Start {
        entry {
            var c: ICounter;
            c = new ICounter(this);
            send c, eIncrement;
            send c, eIncrement;
        }
        on eValue do (v: int) {
            assert v >= 0;
        }
    }
}

interface ICounter(machine) receives eIncrement;

test Batching [main=CounterUser]: { CounterUser, BatchingCounter -> ICounter } refines { CounterUser, AbstractCounter -> ICounter };
