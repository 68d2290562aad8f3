fun Scale(n: int, factor: float): float {
    return n * factor;
}
