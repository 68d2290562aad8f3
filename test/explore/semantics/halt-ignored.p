// Halt ignored: a state that ignores `halt` ignores it whether it is taken from the inbox or
// raised. Worker raises halt on eStop, in a state that ignores halt, so it does not halt and goes
// on to take eWork, which it announces. Done is hot from the send of eStop until that
// announcement; had Worker halted, eWork would have been discarded and Done would be hot at the end.
event eStop;
event eWork;
event eWorked;

machine Worker {
  start state Idle {
    ignore halt;
    on eStop do { raise halt; }
    on eWork do { announce eWorked; }
  }
}

machine Main {
  start state Init {
    entry {
      var w: Worker;
      w = new Worker();
      send w, eStop;
      send w, eWork;
    }
  }
}

spec Done observes eStop, eWorked {
  start cold state Quiet {
    on eStop goto Pending;
  }
  hot state Pending {
    on eWorked goto Quiet;
  }
}

test IgnoreHalt [main=Main]: assert Done in { Main, Worker };
