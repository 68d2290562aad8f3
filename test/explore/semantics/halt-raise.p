// Halt raised: `raise halt` in a state with no handler for `halt` halts the machine, with the same
// effects as taking `halt` from the inbox: the rest of the inbox is discarded and later sends to it
// are dropped. Worker does not handle eWork.
event eStop;
event eWork;

machine Worker {
  start state Idle {
    on eStop do { raise halt; }
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

test RaiseHalt [main=Main]: { Main, Worker };
