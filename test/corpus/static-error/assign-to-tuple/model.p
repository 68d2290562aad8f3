// A tuple of variables is not a location: P has no destructuring assignment.
fun Origin(): (int, int) {
    return (0, 0);
}

fun Move() {
    var x: int;
    var y: int;
    (x, y) = Origin();
}
