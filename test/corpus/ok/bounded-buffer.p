// A bounded buffer between a producer and a consumer: puts are deferred while the buffer is full
// and takes while it is empty.
event ePut: int;
event eTake: machine;
event eItem: int;

machine Buffer receives ePut, eTake; sends eItem; {
    var items: seq[int];
    var capacity: int;

    start state Empty {
        entry {
            capacity = 2;
        }
        on ePut goto Partial with Store;
        defer eTake;
    }

    state Partial {
        on ePut do (x: int) {
            Store(x);
            if (sizeof(items) == capacity) {
                goto Full;
            }
        }
        on eTake do (c: machine) {
            Give(c);
            if (sizeof(items) == 0) {
                goto Empty;
            }
        }
    }

    state Full {
        defer ePut;
        on eTake goto Partial with Give;
    }

    fun Store(x: int) {
        items += (sizeof(items), x);
    }

    fun Give(c: machine) {
        send c, eItem, items[0];
        items -= 0;
    }
}

machine Producer sends ePut; {
    start state Produce {
        entry (b: Buffer) {
            var i: int;
            while (i < 4) {
                send b, ePut, i;
                i = i + 1;
            }
        }
    }
}

machine Consumer receives eItem; sends eTake; {
    var buffer: Buffer;
    var expected: int;

    start state Consume {
        entry (b: Buffer) {
            buffer = b;
            send buffer, eTake, this;
        }
        on eItem do (x: int) {
            assert x == expected, format("took {0}, expected {1}", x, expected);
            expected = expected + 1;
            if (expected < 4) {
                send buffer, eTake, this;
            }
        }
    }
}

machine Pipeline {
    start state Start {
        entry {
            var b: Buffer;
            b = new Buffer();
            new Producer(b);
            new Consumer(b);
        }
    }
}

test FifoBuffer [main=Pipeline]: { Pipeline, Buffer, Producer, Consumer };
