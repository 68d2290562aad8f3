fun Reset(counter: int) {
    return 0;
}
