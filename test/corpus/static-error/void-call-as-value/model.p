fun Log(msg: string) {
    print msg;
}

fun Compute(): int {
    var r: int;
    r = Log("computing");
    return r;
}
