fun Add(a: int, b: int): int {
    return a + b;
}

fun Use(): int {
    return Add(1, 2, 3);
}
