// How a counterexample shows steps. A machine's variables change in the state when its handler
// completes (until then it is "part way through" and keeps the values it began with), so that is
// the step where the trace shows the changes: Main's `echo` is set in its first step and shown in
// its second. A start entry that waits in a receive before doing anything else starts once; the
// step that takes the event it waited for goes on (Echo, on the path where it starts before Sender
// sends; breadth-first search finds the shorter path where Echo starts with eGo already there).
event eGo: int;

machine Echo {
  var got: int;
  start state Idle {
    entry {
      receive {
        case eGo: (n: int) { got = n; }
      }
      assert got == 0, format("got {0}", got);
    }
  }
}

machine Sender {
  start state Sending {
    entry (e: Echo) { send e, eGo, 7; }
  }
}

machine Main {
  var echo: Echo;
  start state Init {
    entry {
      echo = new Echo();
      new Sender(echo);
    }
  }
}

test Steps [main=Main]: { Main, Echo, Sender };
