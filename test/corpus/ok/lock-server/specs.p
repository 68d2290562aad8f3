// At most one client is in its critical section at any time.
spec MutualExclusion observes eEnterCritical, eLeaveCritical {
    var inside: set[LockClient];

    start state Watching {
        on eEnterCritical do (c: LockClient) {
            assert sizeof(inside) == 0, format("{0} entered while {1} clients were inside", c, sizeof(inside));
            inside += (c);
        }
        on eLeaveCritical do (c: LockClient) {
            assert c in inside, "a client left without entering";
            inside -= c;
        }
    }
}
