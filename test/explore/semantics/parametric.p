// Parametric tests: one configuration per combination of values, less those `assume` rejects, each
// named after its values; machines read the params as constants. Main creates n workers, each of
// which starts in a step of its own; with `crash`, Main fails once it has created them all.
// Configurations: n in 1..3 times crash, without (n = 1, crash = true).
param n: int;
param crash: bool;

machine Worker {
  start state Working {
    entry (id: int) {
      assert id < n, format("worker {0} of {1}", id, n);
    }
  }
}

machine Main {
  start state Init {
    entry {
      var i: int;
      while (i < n) {
        new Worker(i);
        i = i + 1;
      }
      assert !crash, format("crashed after creating {0} workers", n);
    }
  }
}

test param (n in [1, 2, 3], crash in [false, true]) assume (n > 1 || !crash) Sweep [main=Main]: { Main, Worker };
