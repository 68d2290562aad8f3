event eTick;

machine Clock {
    var ticks: int;

    start state Ticking {
        on eTick do (n: int) {
            ticks = ticks + n;
        }
    }
}
