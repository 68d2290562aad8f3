// Nondeterministic choices: `$`, `$$`, `choose(n)` and `choose(collection)` each branch the search,
// and every combination of a step's choices is a successor of its own, emitted like an odometer
// (the last choice turns fastest; `$` and `$$` try false first; a set is chosen from in its sorted
// order). Picker makes 2 x 2 x 3 x 2 = 24 combinations in one step; with `refuse` set, the one
// combination true, false, 1, 7 (emission 15) fails.
param refuse: bool;
event eGo;

machine Picker {
  var a: bool;
  var b: bool;
  var c: int;
  var d: int;
  start state Init {
    entry { send this, eGo; }
    on eGo do {
      var options: set[int];
      options += (7);
      options += (5);
      a = $;
      b = $$;
      c = choose(3);
      d = choose(options);
      assert !(refuse && a && !b && c == 1 && d == 7), format("picked {0}, {1}, {2}, {3}", a, b, c, d);
    }
  }
}

test param (refuse in [false, true]) Choices [main=Picker]: { Picker };
