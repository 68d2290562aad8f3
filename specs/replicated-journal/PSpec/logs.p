// Helpers of the monitors: what they know of the nodes' logs, rebuilt from what the nodes announce.

// Whether `shorter` is a prefix of `longer`.
fun IsPrefix(shorter: seq[tEntry], longer: seq[tEntry]): bool {
    var i: int;
    if (sizeof(shorter) > sizeof(longer)) {
        return false;
    }
    while (i < sizeof(shorter)) {
        if (shorter[i] != longer[i]) {
            return false;
        }
        i = i + 1;
    }
    return true;
}

// Whether `log` holds `entry` at `index`.
fun HoldsAt(log: seq[tEntry], index: int, item: tEntry): bool {
    if (index < 0 || index >= sizeof(log)) {
        return false;
    }
    return log[index] == item;
}
