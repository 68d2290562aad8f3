// Monitor timing: a monitor observes a send when it happens, before the event is enqueued, not when
// the target takes it. Client sends eReq to Server, then announces eAfter; the monitor must have
// seen eReq by then, even in the runs where Server has not yet taken it.
event eReq;
event eAfter;

machine Server {
  start state Serving {
    on eReq do {}
  }
}

machine Client {
  start state Init {
    entry {
      var s: Server;
      s = new Server();
      send s, eReq;
      announce eAfter;
    }
  }
}

spec SeenAtSend observes eReq, eAfter {
  var seen: bool;
  start state Watching {
    on eReq do { seen = true; }
    on eAfter do { assert seen, "eAfter observed before eReq"; }
  }
}

test ObserveAtSend [main=Client]: assert SeenAtSend in { Client, Server };
