// Liveness: every request for the lock is eventually granted. The monitor is hot while some client
// is waiting; an execution that stays hot forever is a starvation bug.
spec NoStarvation observes eAcquire, eEnter {
    var waiting: set[LockClient];

    start cold state NobodyWaiting {
        on eAcquire goto SomeoneWaiting with (c: LockClient) {
            waiting += (c);
        }
        ignore eEnter;
    }

    hot state SomeoneWaiting {
        on eAcquire do (c: LockClient) {
            waiting += (c);
        }
        on eEnter do (c: LockClient) {
            waiting -= c;
            if (sizeof(waiting) == 0) {
                goto NobodyWaiting;
            }
        }
    }
}
