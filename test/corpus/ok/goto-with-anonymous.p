// `on E goto S with (x: T) { ... }`: the with-function receives the payload between the exit of the
// old state and the entry of the new one, which receives it too.
event eOrder: (id: int, amount: int);
event eShip: int;

machine Warehouse receives eOrder, eShip; {
    var pending: map[int, int];
    var log: seq[string];

    start state Idle {
        exit {
            log += (sizeof(log), "leave idle");
        }
        on eOrder goto Packing with (order: (id: int, amount: int)) {
            pending[order.id] = order.amount;
            log += (sizeof(log), format("accept {0}", order.id));
        }
    }

    state Packing {
        entry (order: (id: int, amount: int)) {
            assert order.id in pending, "the with-function ran before the entry";
            log += (sizeof(log), "packing");
        }
        on eShip goto Idle with (id: int) {
            pending -= id;
        }
        defer eOrder;
    }
}

machine Customer sends eOrder, eShip; {
    start state Start {
        entry {
            var w: Warehouse;
            w = new Warehouse();
            send w, eOrder, (id = 1, amount = 3);
            send w, eShip, 1;
        }
    }
}

test Orders [main=Customer]: { Customer, Warehouse };
