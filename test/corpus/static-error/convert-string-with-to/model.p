fun Parse(s: string): int {
    return s to int;
}
