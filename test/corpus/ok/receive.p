// `receive` with several cases, one of them for several events, inside a function and a handler.
event eYes: int;
event eNo: string;
event eMaybe;
event eLater;
event eAsk: machine;

machine Asker receives eYes, eNo, eMaybe, eLater; sends eAsk; {
    var answers: int;

    start state Asking {
        entry (responder: Responder) {
            var rounds: int;
            while (rounds < 2) {
                send responder, eAsk, this;
                rounds = rounds + 1;
                Await();
            }
        }
    }

    fun Await() {
        var got: string;
        receive {
            case eYes: (n: int) {
                answers = answers + n;
                got = "yes";
            }
            case eNo: (why: string) {
                got = why;
            }
            case eMaybe, eLater: {
                got = "undecided";
            }
        }
        assert got != "", "one case ran";
    }
}

machine Responder receives eAsk; sends eYes, eNo, eMaybe, eLater; {
    start state Serving {
        on eAsk do (asker: machine) {
            if ($) {
                send asker, eYes, 1;
            } else if ($) {
                send asker, eNo, "busy";
            } else if ($) {
                send asker, eMaybe;
            } else {
                send asker, eLater;
            }
        }
    }
}

machine Start {
    start state Init {
        entry {
            new Asker(new Responder());
        }
    }
}

test Questions [main=Start]: { Start, Asker, Responder };
