// Operators: arithmetic on ints and floats, string concatenation and comparison, equality on
// structured values, logic, and membership in seq, set and map.
fun Arithmetic() {
    var a: int;
    var b: int;
    var x: float;
    var y: float;
    a = 17;
    b = 5;
    assert a + b == 22 && a - b == 12 && a * b == 85 && a / b == 3 && a % b == 2;
    assert -a / b == -3 && -a % b == -2;
    x = 2.5;
    y = 0.5;
    assert x + y == 3.0 && x - y == 2.0 && x * y == 1.25 && x / y == 5.0;
    assert -x < y && x >= y && y <= x && x > -y;
    assert (a to float) * y == 8.5;
}

fun Strings() {
    var s: string;
    s = "dist" + "ributed";
    assert s == "distributed" && s != "" && "abc" < "abd" && "b" >= "a";
}

fun Logic(p: bool, q: bool): bool {
    return (p && !q) || (!p && q);
}

fun Membership() {
    var xs: seq[int];
    var names: set[string];
    var ages: map[string, int];
    xs += (0, 4);
    names += ("ada");
    ages["ada"] = 36;
    assert 4 in xs && !(5 in xs);
    assert "ada" in names && "ada" in ages && !("bob" in ages);
    assert xs == xs && names != default(set[string]);
}

machine Calculator {
    start state Start {
        entry {
            Arithmetic();
            Strings();
            Membership();
            assert Logic(true, false) && !Logic(true, true);
        }
    }
}

test Operators [main=Calculator]: { Calculator };
