// Transition order: `on E goto T with f` runs the exit function of the current state, then f, then
// the entry of T, and the payload goes to both f and T's entry. `goto S, v` from a handler runs the
// exit function, then S's entry with v. A single machine records each function it runs in `order`
// (1: exit of A; 20 + v: the with-function; 30 + v: entry of B; 4: exit of B; 50 + v: entry of C)
// and checks the whole record at the end.
event eGo: int;
event eNext;

machine Stepper {
  var order: seq[int];
  start state A {
    entry { send this, eGo, 7; }
    exit { order += (sizeof(order), 1); }
    on eGo goto B with (v: int) { order += (sizeof(order), 20 + v); }
  }
  state B {
    entry (v: int) {
      order += (sizeof(order), 30 + v);
      raise eNext;
    }
    exit { order += (sizeof(order), 4); }
    on eNext do { goto C, 8; }
  }
  state C {
    entry (w: int) {
      order += (sizeof(order), 50 + w);
      assert format("{0}", order) == "[1, 27, 37, 4, 58]", format("ran in the order {0}", order);
    }
  }
}

test ExitWithEntry [main=Stepper]: { Stepper };
