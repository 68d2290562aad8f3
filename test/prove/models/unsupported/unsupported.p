// Constructs the prover cannot encode: creating machines and receiving inside a handler. The
// invariants that need them are unknown, with the construct named and located.
event ePing: Pinger;
event ePong;

pure ponger(): Ponger;

machine Pinger {
  var pongs: int;
  start state Start {
    on ePong do {
      pongs = pongs + 1;
      send ponger(), ePing, this;
      new Ponger();
    }
  }
}

machine Ponger {
  var pings: int;
  start state Serve {
    on ePing do (p: Pinger) {
      pings = pings + 1;
      send p, ePong;
      receive {
        case ePing: (q: Pinger) { pings = pings + 1; }
      }
    }
  }
}

invariant pongs_counted: forall (p: Pinger) :: p.pongs >= 0;
invariant pings_counted: forall (p: Ponger) :: p.pings >= 0;
