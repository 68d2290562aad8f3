type tPoint = (x: int, y: int);

fun Height(p: tPoint): int {
    return p.z;
}
