fun Narrow(n: int): string {
    return n as string;
}
