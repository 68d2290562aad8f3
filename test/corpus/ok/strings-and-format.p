// Strings built with `format` from values of every type, and placeholders used twice or out of
// order.
enum Phase { INIT, RUN }

machine Reporter {
    var phase: Phase;

    start state Report {
        entry {
            var line: string;
            var xs: seq[int];
            xs += (0, 1);
            line = format("{0} {1} {2} {3}", 1, true, 2.5, "s");
            line = format("{1} before {0}, {1} again", "first", "second");
            line = format("phase {0}, items {1}, me {2}", phase, xs, this);
            line = format("no placeholders");
            print line + "!";
        }
    }
}

test Formatting [main=Reporter]: { Reporter };
