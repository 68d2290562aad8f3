// Module expressions: primitive modules with bindings, named modules, union, compose, hiding an
// event and an interface, renaming an interface, choosing the main machine, and asserting specs.
event eQuery: (client: machine, q: string);
event eForward: (client: machine, q: string);
event eAnswer: string;

interface IFrontend() receives eQuery;
interface IBackend() receives eForward;
interface IStorage() receives eForward;

machine Frontend receives eQuery; sends eForward; {
    var backend: IBackend;

    start state Serving {
        entry {
            backend = new IBackend();
        }
        on eQuery do (req: (client: machine, q: string)) {
            send backend, eForward, req;
        }
    }
}

machine Backend receives eForward; sends eAnswer; {
    start state Serving {
        on eForward do (req: (client: machine, q: string)) {
            send req.client, eAnswer, format("answer to {0}", req.q);
        }
    }
}

machine Browser receives eAnswer; sends eQuery; {
    start state Start {
        entry {
            var front: IFrontend;
            front = new IFrontend();
            send front, eQuery, (client = this, q = "weather");
        }
        on eAnswer do (a: string) {
            assert a != "";
        }
    }
}

spec EveryQueryAnswered observes eQuery, eAnswer {
    var open: int;

    start cold state Idle {
        on eQuery goto Pending with {
            open = open + 1;
        }
        on eAnswer do {
            assert false, "an answer without a query";
        }
    }

    hot state Pending {
        on eQuery do {
            open = open + 1;
        }
        on eAnswer do {
            open = open - 1;
            if (open == 0) {
                goto Idle;
            }
        }
    }
}

module Servers = { Frontend -> IFrontend, Backend -> IBackend };
module Clients = { Browser };
module System = union Servers, Clients;
module Composed = compose { Frontend -> IFrontend, Backend -> IBackend }, { Browser };
module Sealed = hidei IBackend in Servers;
module Quiet = hidee eForward in Sealed;
module Renamed = rename IBackend to IStorage in { Backend -> IBackend };
module Runnable = main Browser in System;
module Checked = assert EveryQueryAnswered in Runnable;

test ViaUnion [main=Browser]: System;
test ViaCompose [main=Browser]: Composed;
test ViaHiding [main=Browser]: union Quiet, Clients;
test ViaMain: Checked;
test ViaInline [main=Browser]: assert EveryQueryAnswered in (union (hidei IBackend in Servers), { Browser });
