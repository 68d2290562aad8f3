// Raise: `raise` abandons the rest of the handler, including the function it is called from, and
// the raised event is handled at once in the current state, before anything in the inbox. Main
// sends eGo then eSecond; handling eGo raises eFirst, which must be handled before eSecond, and
// the statements after the raise must not run.
event eGo;
event eFirst: int;
event eSecond;

machine Handler {
  var order: seq[int];
  start state Handling {
    on eGo do {
      RaiseFirst();
      order += (sizeof(order), 99);
    }
    on eFirst do (n: int) { order += (sizeof(order), n); }
    on eSecond do {
      order += (sizeof(order), 2);
      assert sizeof(order) == 2 && order[0] == 1 && order[1] == 2, format("handled in the order {0}", order);
    }
  }

  fun RaiseFirst() {
    raise eFirst, 1;
    order += (sizeof(order), 98);
  }
}

machine Main {
  start state Init {
    entry {
      var h: Handler;
      h = new Handler();
      send h, eGo;
      send h, eSecond;
    }
  }
}

test RaiseFirst [main=Main]: { Main, Handler };
