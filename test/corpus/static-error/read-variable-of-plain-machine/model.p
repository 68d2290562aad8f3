machine Node {
    var term: int;

    start state S {
    }
}

invariant terms: forall (m: machine) :: m.term >= 0;
