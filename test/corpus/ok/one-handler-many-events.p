// One anonymous handler for several events whose payloads share a type, and one for several events
// without payloads.
event eAdd: int;
event eSub: int;
event eReset;
event eClear;

machine Calculator receives eAdd, eSub, eReset, eClear; {
    var value: int;
    var ops: int;

    start state On {
        on eAdd, eSub do (n: int) {
            ops = ops + 1;
            value = value + n;
        }
        on eReset, eClear do {
            value = 0;
        }
    }
}

machine User sends eAdd, eSub, eReset, eClear; {
    start state Start {
        entry {
            var c: Calculator;
            c = new Calculator();
            send c, eAdd, 2;
            send c, eSub, -1;
            send c, eReset;
            send c, eClear;
        }
    }
}

test Calc [main=User]: { User, Calculator };
