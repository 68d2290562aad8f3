// Prints in counterexamples: each step shows what the code it ran printed, once. A handler resumed
// after a send or a receive runs again from its start with what it consumed (see exec.ts), and
// what that replayed part printed belongs to the earlier steps.
event eGo: Main;
event eReply;

machine Echo {
  start state Echoing {
    on eGo do (m: Main) { send m, eReply; }
  }
}

machine Main {
  start state Init {
    entry {
      var e: Echo;
      print "creating";
      e = new Echo();
      print "created";
      send e, eGo, this;
      print "sent";
      receive {
        case eReply: { print "replied"; }
      }
      print "done";
      assert false, "stop";
    }
  }
}

test Prints [main=Main]: { Main, Echo };
