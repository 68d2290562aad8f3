// A lock server and any number of clients. Each client asks the server for the lock, holds it for
// a while (until a note it sent itself comes back), then gives it back. The server grants the lock
// to one client at a time and defers requests while it is taken.
event eAcquire: (client: Client);
event eGrant;
event eLeave;
event eRelease: (client: Client);

pure server(): Server;

init-condition forall (s: Server) :: s == server();

machine Server {
  start state Free {
    on eAcquire goto Taken with (a: (client: Client)) {
      send a.client, eGrant;
    }
  }
  state Taken {
    defer eAcquire;
    on eRelease goto Free;
  }
}

machine Client {
  start state Idle {
    entry {
      send server(), eAcquire, (client = this,);
      goto Waiting;
    }
  }
  state Waiting {
    on eGrant goto Holding;
  }
  state Holding {
    entry {
      send this, eLeave;
    }
    on eLeave goto Idle with {
      send server(), eRelease, (client = this,);
    }
  }
}

invariant mutual_exclusion: forall (c1: Client, c2: Client) :: c1 is Holding && c2 is Holding ==> c1 == c2;
