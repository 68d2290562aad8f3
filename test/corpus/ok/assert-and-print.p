// `assert` without and with a message (a literal and a format), and `print`.
fun CheckRange(lo: int, hi: int, x: int) {
    assert lo <= hi;
    assert x >= lo, "below the range";
    assert x <= hi, format("{0} is above {1}", x, hi);
    print format("{0} is within [{1}, {2}]", x, lo, hi);
    print "checked";
}

machine Checker {
    start state Start {
        entry {
            CheckRange(1, 10, 5);
            CheckRange(0, 0, 0);
        }
    }
}

test Ranges [main=Checker]: { Checker };
