fun Find(xs: seq[int], wanted: int): bool {
    if (wanted in xs) {
        break;
    }
    return false;
}
