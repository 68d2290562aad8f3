// A model with static problems, for the reporters' tests: two errors and a warning, so the
// explorer never runs it.
machine Main {
  var n: int;
  start state Init {
    entry {
      n = "one";
      print format("{0} and {1}", n);
      count = 2;
    }
  }
}

test tcMain [main=Main]: { Main };
