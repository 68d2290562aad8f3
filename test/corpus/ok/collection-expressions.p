// Expressions over collections: keys, values, sizeof, default, indexing of nested collections.
type tScores = map[string, seq[int]];

fun Sum(xs: seq[int]): int {
    var x: int;
    var t: int;
    foreach (x in xs) {
        t = t + x;
    }
    return t;
}

fun Best(scores: tScores): string {
    var names: seq[string];
    var best: string;
    var i: int;
    names = keys(scores);
    best = names[0];
    while (i < sizeof(names)) {
        if (Sum(scores[names[i]]) > Sum(scores[best])) {
            best = names[i];
        }
        i = i + 1;
    }
    return best;
}

machine Scoreboard {
    var scores: tScores;

    start state Tally {
        entry {
            var all: seq[seq[int]];
            scores["ann"] = default(seq[int]);
            scores["ann"] += (0, 3);
            scores["ann"] += (1, 9);
            scores["ben"] = default(seq[int]);
            scores["ben"] += (0, 7);
            all = values(scores);
            assert sizeof(all) == 2 && sizeof(keys(scores)) == 2;
            assert scores["ann"][1] == 9;
            assert Best(scores) == "ann";
            assert sizeof(default(tScores)) == 0;
        }
    }
}

test Scores [main=Scoreboard]: { Scoreboard };
