// Defer: a deferred event keeps its place in the inbox; the state takes the first event it does
// not defer; once a later state stops deferring, the deferred events are taken in their original
// order. Printer defers eJob while Cold and is warmed up by an eWarm sent between two jobs: the
// inbox [eJob 1, eWarm, eJob 2] must be taken as eWarm, eJob 1, eJob 2 (moving a deferred event to
// the back would give eJob 2 first).
event eJob: int;
event eWarm;

machine Printer {
  var printed: seq[int];
  start state Cold {
    defer eJob;
    on eWarm goto Ready;
  }
  state Ready {
    on eJob do (n: int) {
      printed += (sizeof(printed), n);
      assert n == sizeof(printed), format("printed job {0} as job number {1}", n, sizeof(printed));
    }
  }
}

machine Office {
  start state Init {
    entry {
      var p: Printer;
      p = new Printer();
      send p, eJob, 1;
      send p, eWarm;
      send p, eJob, 2;
    }
  }
}

test DeferKeepsOrder [main=Office]: { Office, Printer };
