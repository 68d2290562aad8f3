// Announce: `announce` delivers an event to the monitors that observe it, synchronously, and is a
// point where other machines may interleave (a step ends just before it). Monitors' start entries
// run before the main machine starts: Counter's sets `expected` to 1. Counter refuses a 2.
event eSeen: int;

machine Announcer {
  start state Init {
    entry {
      announce eSeen, 1;
      announce eSeen, 2;
    }
  }
}

spec Counter observes eSeen {
  var expected: int;
  start state Counting {
    entry { expected = 1; }
    on eSeen do (n: int) {
      assert n == expected && n < 2, format("saw {0}, expected {1}", n, expected);
      expected = expected + 1;
    }
  }
}

test Announcing [main=Announcer]: assert Counter in { Announcer };
