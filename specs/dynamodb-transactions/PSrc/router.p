// The request router: stateless but for a round-robin counter. It forwards each transaction to
// the next coordinator in turn (so a retried request usually reaches another coordinator than the
// first attempt), and each single-item request to the storage node of the item's partition.
machine RequestRouter receives eTransactWriteItems, eTransactGetItems, eGetItem, ePutItem, eDeleteItem;
                      sends eTransactWriteItems, eTransactGetItems, eGetItem, ePutItem, eDeleteItem; {
    var coordinators: seq[machine];
    var nodes: seq[machine];
    var turn: int;

    start state Init {
        entry (config: (coordinators: seq[machine], nodes: seq[machine])) {
            coordinators = config.coordinators;
            nodes = config.nodes;
            goto Routing;
        }
    }

    state Routing {
        on eTransactWriteItems do (t: (client: machine, token: int, writes: seq[tWrite])) {
            send NextCoordinator(), eTransactWriteItems, t;
        }
        on eTransactGetItems do (t: (client: machine, request: int, items: seq[int])) {
            send NextCoordinator(), eTransactGetItems, t;
        }
        on eGetItem do (g: (client: machine, item: int)) {
            send NodeOf(nodes, g.item), eGetItem, g;
        }
        on ePutItem do (p: (client: machine, item: int, value: int)) {
            send NodeOf(nodes, p.item), ePutItem, p;
        }
        on eDeleteItem do (d: (client: machine, item: int)) {
            send NodeOf(nodes, d.item), eDeleteItem, d;
        }
    }

    fun NextCoordinator(): machine {
        var c: machine;
        c = coordinators[turn % sizeof(coordinators)];
        turn = turn + 1;
        return c;
    }
}
