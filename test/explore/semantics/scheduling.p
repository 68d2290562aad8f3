// Scheduling: a handler runs up to its next send, so two handlers that each send twice interleave
// at every send. A and B each send one event to X and then one to Y; X and Y defer both events, so
// their inboxes keep the order in which the events arrived. P allows all four combinations of
// orders (X: A then B or B then A; Y likewise). Judge records what each inbox receives (a monitor
// runs just before the event is enqueued) and, given `want` (0-3: X's order, times 2, plus Y's;
// 0 meaning A first in both), fails when that combination is reached; want = 4 never fails.
param want: int;
event eFromA: int;
event eFromB: int;

machine X {
  start state Holding { defer eFromA, eFromB; }
}

machine Y {
  start state Holding { defer eFromA, eFromB; }
}

machine A {
  start state Sending {
    entry (t: (x: X, y: Y)) {
      send t.x, eFromA, 0;
      send t.y, eFromA, 1;
    }
  }
}

machine B {
  start state Sending {
    entry (t: (x: X, y: Y)) {
      send t.x, eFromB, 0;
      send t.y, eFromB, 1;
    }
  }
}

machine Main {
  start state Init {
    entry {
      var x: X;
      var y: Y;
      x = new X();
      y = new Y();
      new A((x = x, y = y));
      new B((x = x, y = y));
    }
  }
}

spec Judge observes eFromA, eFromB {
  var inX: seq[int];
  var inY: seq[int];
  start state Watching {
    on eFromA do (target: int) { Arrived(target, 0); }
    on eFromB do (target: int) { Arrived(target, 1); }
  }

  fun Arrived(target: int, sender: int) {
    if (target == 0) { inX += (sizeof(inX), sender); } else { inY += (sizeof(inY), sender); }
    if (sizeof(inX) == 2 && sizeof(inY) == 2) {
      assert inX[0] * 2 + inY[0] != want, format("X received {0}, Y received {1} (0: from A, 1: from B)", inX, inY);
    }
  }
}

test param (want in [0, 1, 2, 3, 4]) Interleavings [main=Main]: assert Judge in { Main, X, Y, A, B };
