// A lock server small enough for bounded model checking and for the explorer: clients ask the
// server for the lock once and keep it. The test's driver creates the server and two clients;
// proofs and bounded model checking leave the driver out (all machines exist from the start).
event eAcquire: Client;
event eGrant;

machine Server {
  start state Free {
    on eAcquire goto Taken with (c: Client) {
      send c, eGrant;
    }
  }
  state Taken {
    defer eAcquire;
  }
}

machine Client {
  start state Idle {
    entry (s: Server) {
      send s, eAcquire, this;
      goto Waiting;
    }
  }
  state Waiting {
    on eGrant goto Holding;
  }
  state Holding {}
}

machine Main {
  start state Init {
    entry {
      var s: Server;
      s = new Server();
      new Client(s);
      new Client(s);
    }
  }
}

test TwoClients [main=Main]: { Main, Server, Client };

invariant mutual_exclusion: forall (c1: Client, c2: Client) :: c1 is Holding && c2 is Holding ==> c1 == c2;
