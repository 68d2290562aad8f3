// Safety: at most one client is inside its critical section at any time.
spec MutualExclusion observes eEnter, eLeave {
    var inside: LockClient;

    start state Empty {
        on eEnter goto Occupied with (c: LockClient) {
            inside = c;
        }
        on eLeave do (c: LockClient) {
            assert false, format("{0} left a critical section nobody was in", c);
        }
    }

    state Occupied {
        on eEnter do (c: LockClient) {
            assert false, format("{0} entered while {1} was inside", c, inside);
        }
        on eLeave goto Empty with (c: LockClient) {
            assert c == inside, format("{0} left, but {1} was inside", c, inside);
            inside = null;
        }
    }
}
