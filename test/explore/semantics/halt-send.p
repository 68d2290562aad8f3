// Halt sent: a machine that takes `halt` in a state with no handler for it halts; its inbox is
// discarded (so the eWork behind the halt is never taken) and events sent to it afterwards are
// dropped. Worker does not handle eWork, so taking it would be an unhandled event.
event eWork;

machine Worker {
  start state Idle {}
}

machine Main {
  start state Init {
    entry {
      var w: Worker;
      w = new Worker();
      send w, halt;
      send w, eWork;
    }
  }
}

test SendHalt [main=Main]: { Main, Worker };
