// The Die Hard jugs puzzle, as in the classic TLA+ specification: a 3-gallon and a 5-gallon jug,
// which can be filled, emptied, or poured one into the other; one machine takes one of the six
// actions per step. From (0, 0) it reaches the 16 states that TLC reports. With `findFour`, a big
// jug holding 4 gallons is a failure, reached in 6 actions as in TLC's counterexample. Steps that
// leave the jugs as they are add no transition unless a monitor is attached (test Observed: every
// action of every state, 16 x 6 = 96, which TLC counts as 97 states generated with the initial one).
param findFour: bool;
event eNever;

machine Jugs {
  var small: int;
  var big: int;
  start state Pouring {
    on null do {
      var action: int;
      var total: int;
      action = choose(6);
      total = small + big;
      if (action == 0) { small = 3; }
      else if (action == 1) { big = 5; }
      else if (action == 2) { small = 0; }
      else if (action == 3) { big = 0; }
      else if (action == 4) {
        if (total > 5) { big = 5; small = total - 5; } else { big = total; small = 0; }
      } else {
        if (total > 3) { small = 3; big = total - 3; } else { small = total; big = 0; }
      }
      assert !findFour || big != 4, format("the big jug holds 4 gallons (small {0}, big {1})", small, big);
    }
  }
}

spec Quiet observes eNever {
  start state Watching {}
}

test param (findFour in [false, true]) DieHard [main=Jugs]: { Jugs };
test Observed [main=Jugs]: assert Quiet in { Jugs };
