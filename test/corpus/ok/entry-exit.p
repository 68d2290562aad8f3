// Entry and exit functions: a turnstile counts how often it enters and leaves each state, with
// anonymous and named entry and exit functions.
event eCoin;
event ePush;

machine Turnstile receives eCoin, ePush; {
    var entries: int;
    var exits: int;
    var coins: int;

    start state Locked {
        entry {
            entries = entries + 1;
        }
        exit CountExit;
        on eCoin goto Unlocked;
        on ePush do {
            assert entries == exits + 1, "inside exactly one state";
        }
    }

    state Unlocked {
        entry CountEntry;
        exit {
            exits = exits + 1;
        }
        on ePush goto Locked;
        on eCoin do {
            coins = coins + 1;
        }
    }

    fun CountEntry() {
        entries = entries + 1;
        coins = coins + 1;
    }

    fun CountExit() {
        exits = exits + 1;
    }
}

machine Visitor sends eCoin, ePush; {
    start state Start {
        entry {
            var t: Turnstile;
            t = new Turnstile();
            send t, ePush;
            send t, eCoin;
            send t, eCoin;
            send t, ePush;
        }
    }
}

test Turn [main=Visitor]: { Visitor, Turnstile };
