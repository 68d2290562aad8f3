// Runtime errors: each is a bug reported at the statement that causes it, with what went wrong.
// One configuration per error (`which`): a missing map key, a seq index out of range, a failed
// cast, choose from an empty collection, choose(0), division by zero, `%` by zero, a send to a
// null machine reference, a map key added twice, a raise of a null event, `to` an enum that has no
// such value, a loop that does not stop (reported at the loop, not at a statement inside it). Each
// happens in the main machine's first step, before any state exists.
param which: int;
enum Color { RED, GREEN }
event ePing;

machine Main {
  start state Init {
    entry {
      var m: map[int, int];
      var s: seq[int];
      var empty: set[int];
      var x: any;
      var text: string;
      var n: int;
      var zero: int;
      var nobody: machine;
      var nothing: event;
      var c: Color;
      s += (0, 10);
      s += (1, 20);
      x = 1;
      if (which == 0) { n = m[3]; }
      if (which == 1) { n = s[5]; }
      if (which == 2) { text = x as string; }
      if (which == 3) { n = choose(empty); }
      if (which == 4) { n = choose(zero); }
      if (which == 5) { n = 7 / zero; }
      if (which == 6) { n = 7 % zero; }
      if (which == 7) { send nobody, ePing; }
      if (which == 8) { m += (1, 2); m += (1, 3); }
      if (which == 9) { raise nothing; }
      if (which == 10) { n = 5; c = n to Color; }
      if (which == 11) {
        while (zero == 0) {
          n = n + 1;
          s[0] = n;
        }
      }
    }
  }
}

test param (which in [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]) Runtime [main=Main]: { Main };
