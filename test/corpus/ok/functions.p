// Global functions (recursive, returning collections, called from machines) and machine functions
// that read and write the machine's variables and call each other.
fun Factorial(n: int): int {
    if (n <= 1) {
        return 1;
    }
    return n * Factorial(n - 1);
}

fun Range(lo: int, hi: int): seq[int] {
    var out: seq[int];
    var i: int;
    i = lo;
    while (i < hi) {
        out += (sizeof(out), i);
        i = i + 1;
    }
    return out;
}

fun Log(message: string) {
    print message;
}

machine Accumulator {
    var total: int;
    var history: seq[int];

    start state Running {
        entry {
            var x: int;
            foreach (x in Range(1, 5)) {
                Add(x);
            }
            assert total == 10 && Last() == 4;
            assert Factorial(5) == 120;
            Log(Describe());
        }
    }

    fun Add(x: int) {
        total = total + x;
        Remember(x);
    }

    fun Remember(x: int) {
        history += (sizeof(history), x);
    }

    fun Last(): int {
        return history[sizeof(history) - 1];
    }

    fun Describe(): string {
        return format("total {0} after {1} additions", total, sizeof(history));
    }
}

test Functions [main=Accumulator]: { Accumulator };
