fun Size(n: int): int {
    var x: int;
    foreach (x in n) {
        print "never";
    }
    return sizeof(n);
}
