// Tuples and named tuples: one-element forms with a trailing comma, positional and named access,
// nesting, and comparison.
type tPoint = (x: int, y: int);
type tSegment = (from: tPoint, dest: tPoint);

fun Length2(s: tSegment): int {
    var dx: int;
    var dy: int;
    dx = s.dest.x - s.from.x;
    dy = s.dest.y - s.from.y;
    return dx * dx + dy * dy;
}

fun Swap(p: (int, string)): (string, int) {
    return (p.1, p.0);
}

machine Geometry {
    start state Start {
        entry {
            var single: (int,);
            var named: (count: int);
            var pair: (int, string);
            var seg: tSegment;
            var nested: ((int, int), (a: bool, b: string));
            single = (7,);
            named = (count = 3,);
            pair = (1, "one");
            seg = (from = (x = 0, y = 0), dest = (x = 3, y = 4));
            nested = ((1, 2), (a = true, b = "b"));
            assert single.0 == 7 && named.count == 3 && named.0 == 3;
            assert Swap(pair) == ("one", 1);
            assert Length2(seg) == 25;
            assert nested.0.1 == 2 && nested.1.a && nested.1.b == "b";
            seg.dest.y = 0;
            nested.0.0 = 9;
            assert seg != (from = (x = 0, y = 0), dest = (x = 3, y = 4));
            assert nested.0 == (9, 2);
        }
    }
}

test Shapes [main=Geometry]: { Geometry };
