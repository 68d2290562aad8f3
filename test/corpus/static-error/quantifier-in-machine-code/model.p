machine Checker {
    var readings: seq[int];

    start state S {
        entry {
            assert forall (i: int) :: !(i in readings) || i > 0;
        }
    }
}
