event eTick;

machine Clock {
    var ticks: int;

    start state Ticking {
        on eTick do {
            ticks = ticks + 1;
        }
    }
}
}
