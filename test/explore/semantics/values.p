// Value semantics: assignment, function arguments and payloads copy. Changing the original after
// a copy does not change the copy (seq, set, map, tuple), a function changing its parameter does
// not change the caller's variable, and a payload sent is not changed by later assignments of the
// sender.
event eData: seq[int];

machine Keeper {
  start state Keeping {
    on eData do (s: seq[int]) {
      assert sizeof(s) == 1 && s[0] == 1, format("received {0}", s);
    }
  }
}

machine Main {
  var s: seq[int];
  start state Init {
    entry {
      var k: Keeper;
      var copy: seq[int];
      var m: map[int, int];
      var mcopy: map[int, int];
      var set1: set[int];
      var set2: set[int];
      var t: (x: int, y: seq[int]);
      var tcopy: (x: int, y: seq[int]);
      s += (0, 1);
      copy = s;
      s[0] = 9;
      assert copy[0] == 1, "a seq copy changed";
      m[1] = 10;
      mcopy = m;
      m[1] = 11;
      m[2] = 12;
      assert mcopy[1] == 10 && sizeof(mcopy) == 1, "a map copy changed";
      set1 += (1);
      set2 = set1;
      set1 += (2);
      assert sizeof(set2) == 1, "a set copy changed";
      t = (x = 1, y = copy);
      tcopy = t;
      t.y[0] = 5;
      t.x = 2;
      assert tcopy.x == 1 && tcopy.y[0] == 1 && copy[0] == 1, "a tuple copy changed";
      Change(copy);
      assert copy[0] == 1, "a function changed its caller's variable";
      s[0] = 1;
      k = new Keeper();
      send k, eData, s;
      s[0] = 2;
    }
  }

  fun Change(p: seq[int]) {
    p[0] = 3;
  }
}

test Copies [main=Main]: { Main, Keeper };
