// Loops: while with break and continue, and foreach over a seq, a set and the keys of a map.
fun SumOddBelow(limit: int): int {
    var i: int;
    var sum: int;
    while (true) {
        i = i + 1;
        if (i >= limit) {
            break;
        }
        if (i % 2 == 0) {
            continue;
        }
        sum = sum + i;
    }
    return sum;
}

fun Total(xs: seq[int]): int {
    var x: int;
    var t: int;
    foreach (x in xs) {
        t = t + x;
    }
    return t;
}

fun CountLong(words: set[string], n: int): int {
    var w: string;
    var c: int;
    foreach (w in words) {
        if (w == "") {
            continue;
        }
        c = c + 1;
        if (c > n) {
            break;
        }
    }
    return c;
}

fun Heaviest(weights: map[string, int]): string {
    var k: string;
    var best: string;
    var found: bool;
    foreach (k in keys(weights)) {
        if (!found || weights[k] > weights[best]) {
            best = k;
            found = true;
        }
    }
    foreach (k in weights) {
        assert weights[k] <= weights[best];
    }
    return best;
}

machine Loops {
    start state Start {
        entry {
            var xs: seq[int];
            var words: set[string];
            var weights: map[string, int];
            xs += (0, 3);
            xs += (1, 4);
            words += ("a");
            words += ("");
            weights["x"] = 2;
            weights["y"] = 7;
            assert SumOddBelow(6) == 9;
            assert Total(xs) == 7;
            assert CountLong(words, 5) == 1;
            assert Heaviest(weights) == "y";
        }
    }
}

test LoopTest [main=Loops]: { Loops };
