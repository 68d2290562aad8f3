// Halt ignored: a state that ignores `halt` ignores it whether it is taken from the inbox or
// raised, so Worker does not halt and goes on to handle eWork (counting it in `works`).
event eStop;
event eWork;

machine Worker {
  var works: int;
  start state Idle {
    ignore halt;
    on eStop do { raise halt; }
    on eWork do { works = works + 1; }
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

spec WorkDone observes eWork {
  start state Watching {
    on eWork do {}
  }
}

test IgnoreHalt [main=Main]: { Main, Worker };
