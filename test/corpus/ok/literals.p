// Literals of every kind: integers, floats written with a point or as float(mantissa, exponent),
// strings with escapes, booleans, null, and default values.
machine Literals {
    start state Start {
        entry {
            var half: float;
            var scaled: float;
            var big: float;
            var text: string;
            var m: machine;
            var e: event;
            var n: int;
            half = 0.5;
            scaled = float(15, -1);
            big = float(2, 3);
            text = "tab\there \"quoted\"\n";
            m = null;
            e = null;
            n = 2147483647;
            assert scaled == 1.5 && big == 2000.0 && half < scaled;
            assert -n < 0 && true != false;
            assert m == default(machine) && e == default(event);
            assert default(int) == 0 && default(bool) == false && default(string) == "";
            assert default(float) == 0.0 && sizeof(default(seq[int])) == 0;
            assert text != "";
        }
    }
}

test AllLiterals [main=Literals]: { Literals };
