fun Limit(): int {
    return 3;
}

machine Queue {
    var size: int;

    start state S {
    }
}

invariant bounded: forall (q: Queue) :: q.size <= Limit();
