event eOpen;
event eClose;

spec Balanced observes eOpen {
    var open: int;

    start state Counting {
        on eOpen do {
            open = open + 1;
        }
        on eClose do {
            open = open - 1;
        }
    }
}
