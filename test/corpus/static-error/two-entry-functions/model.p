machine Boot {
    var stage: int;

    start state Starting {
        entry {
            stage = 1;
        }
        entry {
            stage = 2;
        }
    }
}
