// A failed assert is reported at the assert, even when its condition calls a function (whose
// statements run in between).
fun IsSmall(n: int): bool {
  if (n > 5) { return false; }
  return true;
}

machine Main {
  start state S {
    entry { assert IsSmall(7), "seven is not small"; }
  }
}

test tcAssertLocation [main=Main]: { Main };
