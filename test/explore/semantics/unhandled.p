// Unhandled event: a machine that takes an event its state neither handles, defers nor ignores is
// a bug (`halt` excepted).
event eOops;

machine Peer {
  start state Idle {}
}

machine Main {
  start state Init {
    entry {
      var p: Peer;
      p = new Peer();
      send p, eOops;
    }
  }
}

test Unhandled [main=Main]: { Main, Peer };
