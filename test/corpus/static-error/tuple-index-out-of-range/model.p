fun Third(pair: (int, string)): int {
    return pair.2;
}
