param n: int;

machine M {
    start state S {
    }
}

test param (n in [1, 2, 3]) (2 wise) Sweep [main=M]: { M };
