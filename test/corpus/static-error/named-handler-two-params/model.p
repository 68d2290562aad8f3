event eResize: int;

machine Canvas {
    var width: int;

    start state Drawing {
        on eResize do Resize;
    }

    fun Resize(w: int, h: int) {
        width = w;
    }
}
