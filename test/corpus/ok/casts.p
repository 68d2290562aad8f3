// `as` narrows `any` and `data` back to the type they hold; `to` converts between int, float and
// enums.
enum Unit { METER = 1, KILOMETER = 1000 }

type tBox = (kind: string, contents: any);

fun Unbox(b: tBox): int {
    if (b.kind == "int") {
        return b.contents as int;
    }
    if (b.kind == "seq") {
        return sizeof(b.contents as seq[int]);
    }
    return -1;
}

machine Converter {
    var stash: data;

    start state Start {
        entry {
            var f: float;
            var i: int;
            var u: Unit;
            var xs: seq[int];
            var anyXs: seq[any];
            xs += (0, 5);
            assert Unbox((kind = "int", contents = 42)) == 42;
            assert Unbox((kind = "seq", contents = xs)) == 1;
            stash = "text";
            assert (stash as string) == "text";
            stash = xs;
            assert (stash as seq[int])[0] == 5;
            anyXs = xs;
            xs = anyXs as seq[int];
            f = 7 to float;
            i = 2.75 to int;
            u = 1000 to Unit;
            assert i == 2 && u == KILOMETER && (METER to int) == 1;
            assert f / 2.0 == 3.5;
        }
    }
}

test Conversions [main=Converter]: { Converter };
