// Function contracts: `requires` on the arguments, `ensures` on the result named by `return`, on
// global and machine functions, and a contract-only function with no body.
fun Clamp(x: int, lo: int, hi: int): int
    requires lo <= hi;
    return (r: int);
    ensures lo <= r && r <= hi;
    ensures (lo <= x && x <= hi) ==> r == x;
{
    if (x < lo) {
        return lo;
    }
    if (x > hi) {
        return hi;
    }
    return x;
}

fun Max(a: int, b: int): int
    return (m: int);
    ensures m >= a && m >= b;
    ensures m == a || m == b;
{
    if (a > b) {
        return a;
    }
    return b;
}

fun Abs(x: int): int
    return (r: int);
    ensures r >= 0 && (r == x || r == -x);

machine Thermostat {
    var target: int;

    start state Regulating {
        entry {
            SetTarget(Clamp(35, 10, 30));
            assert target == 30;
            assert Max(target, 12) == 30;
        }
    }

    fun SetTarget(t: int)
        requires t >= 10;
        ensures target == t;
    {
        target = t;
    }
}
