// `choose` in all its forms: a bool, an int below a bound, an element of a seq or a set, and a key
// of a map.
machine Chooser {
    var servers: seq[string];
    var zones: set[int];
    var load: map[string, int];

    start state Pick {
        entry {
            var coin: bool;
            var n: int;
            var s: string;
            var z: int;
            servers += (0, "s1");
            servers += (1, "s2");
            zones += (1);
            zones += (2);
            load["s1"] = 3;
            load["s2"] = 5;

            coin = choose();
            n = choose(10);
            s = choose(servers);
            z = choose(zones);
            s = choose(load);
            assert n >= 0 && n < 10;
            assert z in zones;
            assert s in load;
            if (coin) {
                print format("picked {0} in zone {1}", s, z);
            }
            assert choose(servers) in servers;
        }
    }
}

test Choices [main=Chooser]: { Chooser };
