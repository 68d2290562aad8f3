// The clients of the tests. Each makes one request (the plain client two), through the router.
//
// A writer sends one TransactWriteItems with its token. With `retry`, it may send it again, once,
// with the same token, while it waits (its timeout fired): the retry may reach another
// coordinator. TX_IN_PROGRESS is not an answer; it goes on waiting for the outcome.
machine WriterClient receives eTransactWriteItemsResponse; sends eTransactWriteItems; {
    var router: machine;
    var request: (client: machine, token: int, writes: seq[tWrite]);

    start state Init {
        entry (config: (router: machine, token: int, writes: seq[tWrite], retry: bool)) {
            router = config.router;
            request = (client = this, token = config.token, writes = config.writes);
            send router, eTransactWriteItems, request;
            if (config.retry) {
                goto MayRetry;
            }
            goto Waiting;
        }
    }

    state MayRetry {
        on null goto Waiting with {
            send router, eTransactWriteItems, request;
        }
        on eTransactWriteItemsResponse do Answered;
    }

    state Waiting {
        on eTransactWriteItemsResponse do Answered;
    }

    state Done {
        ignore eTransactWriteItemsResponse;
    }

    fun Answered(r: (token: int, result: tWriteResult)) {
        if (r.result != TX_IN_PROGRESS) {
            goto Done;
        }
    }
}

// A reader: one TransactGetItems of the given items.
machine ReaderClient receives eTransactGetItemsResponse; sends eTransactGetItems; {
    start state Init {
        entry (config: (router: machine, items: seq[int])) {
            send config.router, eTransactGetItems, (client = this, request = 1, items = config.items);
            goto Waiting;
        }
    }

    state Waiting {
        on eTransactGetItemsResponse goto Done;
    }

    state Done {
    }
}

// A plain client: a PutItem (or, with `delete`, a DeleteItem) of one item, then a GetItem of it.
machine PlainClient receives ePutItemResponse, eDeleteItemResponse, eGetItemResponse; sends ePutItem, eDeleteItem, eGetItem; {
    var router: machine;
    var item: int;

    start state Init {
        entry (config: (router: machine, item: int, value: int, delete: bool)) {
            router = config.router;
            item = config.item;
            if (config.delete) {
                send router, eDeleteItem, (client = this, item = item);
            } else {
                send router, ePutItem, (client = this, item = item, value = config.value);
            }
            goto Writing;
        }
    }

    state Writing {
        on ePutItemResponse goto Reading;
        on eDeleteItemResponse goto Reading;
    }

    state Reading {
        entry {
            send router, eGetItem, (client = this, item = item);
        }
        on eGetItemResponse goto Done;
    }

    state Done {
    }
}

// False suspicion: the sweeper of a coordinator wrongly takes another for crashed, at a moment of
// the checker's choosing, and asks its coordinator to recover the other's transactions (which
// the other, a zombie now, goes on running).
machine FalseSuspicion sends eRecoverStalled; {
    start state Init {
        entry (coordinator: machine) {
            send coordinator, eRecoverStalled;
        }
    }
}
