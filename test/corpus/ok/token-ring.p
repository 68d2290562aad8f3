// A token ring for mutual exclusion: only the holder of the token may use the shared resource; it
// passes the token on after a bounded number of uses.
event eToken: int;
event eNeighbor: TokenHolder;
event eUse: TokenHolder;
event eDone: TokenHolder;

machine TokenHolder receives eToken, eNeighbor; sends eToken; {
    var neighbor: TokenHolder;

    start state Init {
        on eNeighbor goto Waiting with (n: TokenHolder) {
            neighbor = n;
        }
        defer eToken;
    }

    state Waiting {
        on eToken do (hops: int) {
            if ($) {
                announce eUse, this;
                announce eDone, this;
            }
            if (hops < 5) {
                send neighbor, eToken, hops + 1;
            }
        }
    }
}

spec ExclusiveUse observes eUse, eDone {
    var user: TokenHolder;

    start state Free {
        on eUse goto Busy with (t: TokenHolder) {
            user = t;
        }
        on eDone do (t: TokenHolder) {
            assert false, "done without use";
        }
    }

    state Busy {
        on eDone goto Free with (t: TokenHolder) {
            assert t == user, "another holder finished";
            user = null;
        }
        on eUse do (t: TokenHolder) {
            assert false, format("{0} used the resource while {1} held it", t, user);
        }
    }
}

machine RingSetup {
    start state Start {
        entry {
            var a: TokenHolder;
            var b: TokenHolder;
            var c: TokenHolder;
            a = new TokenHolder();
            b = new TokenHolder();
            c = new TokenHolder();
            send a, eNeighbor, b;
            send b, eNeighbor, c;
            send c, eNeighbor, a;
            send a, eToken, 0;
        }
    }
}

test Ring [main=RingSetup]: assert ExclusiveUse in { RingSetup, TokenHolder };
