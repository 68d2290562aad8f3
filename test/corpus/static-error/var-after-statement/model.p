fun Average(xs: seq[int]): int {
    var total: int;
    var x: int;
    foreach (x in xs) {
        total = total + x;
    }
    var n: int;
    n = sizeof(xs);
    return total / n;
}
