fun First(count: int): int {
    return count[0];
}
