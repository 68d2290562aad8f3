// A function with a return type must return on every path.
fun Sign(x: int): int {
  if (x > 0) { return 1; } else if (x < 0) { return -1; }
}
fun Forever(): int { while (true) { } }
fun Fails(): int { assert false, "never"; }
