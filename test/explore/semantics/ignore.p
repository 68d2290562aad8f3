// Ignore: an ignored event is dropped. Taking an event drops the ignored events in front of it in
// the same step; when only ignored events are left, the machine takes a step that just drops them.
// Worker ignores ePing: Boss sends ePing, eJob, ePing.
event ePing;
event eJob;

machine Worker {
  var jobs: int;
  start state Busy {
    ignore ePing;
    on eJob do { jobs = jobs + 1; }
  }
}

machine Boss {
  start state Init {
    entry {
      var w: Worker;
      w = new Worker();
      send w, ePing;
      send w, eJob;
      send w, ePing;
    }
  }
}

test IgnoreDrops [main=Boss]: { Boss, Worker };
