event eMove: int;

machine Robot {
    var x: int;
    var speed: int;

    start state Idle {
        on eMove do (dx: int, v: int) {
            x = x + dx;
            speed = v;
        }
    }
}
