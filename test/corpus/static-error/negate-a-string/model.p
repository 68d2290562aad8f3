fun Invert(name: string, ok: int): bool {
    var s: string;
    s = -name;
    return !ok;
}
