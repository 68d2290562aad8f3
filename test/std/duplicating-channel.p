// A model that uses std:duplicating-channel: a client sends two increments, each with its own id,
// to a counter over a link that may deliver a message twice. With `dedupe` the counter remembers
// the ids it has applied and skips a copy; without, a copy is counted again.
param dedupe: bool;

event eIncrement: int;
// Announced by the counter: increment `id` applied, and the total after it.
event eCounted: (id: int, total: int);

machine Counter receives eIncrement; {
    var total: int;
    var applied: set[int];

    start state Counting {
        on eIncrement do (id: int) {
            if (dedupe && id in applied) {
                return;
            }
            applied += (id);
            total = total + 1;
            announce eCounted, (id = id, total = total);
        }
    }
}

machine CounterClient {
    start state Sending {
        entry {
            var link: DuplicatingChannel;
            link = new DuplicatingChannel(new Counter());
            DuplicatingSend(link, eIncrement, 1);
            DuplicatingSend(link, eIncrement, 2);
        }
    }
}

// Safety: each increment is counted once.
spec CountedOnce observes eCounted {
    var counted: set[int];

    start state Watching {
        on eCounted do (c: (id: int, total: int)) {
            assert !(c.id in counted), format("increment {0} counted twice (total {1})", c.id, c.total);
            counted += (c.id);
        }
    }
}

test param (dedupe in [true, false]) Increments [main=CounterClient]:
    assert CountedOnce in { CounterClient, Counter, DuplicatingChannel };
