// Receive: `receive` inside a function suspends the machine until an event named by a case is in
// its inbox; that event is taken and every other event keeps its place, whatever the state would do
// with it. Client waits for eA, then for eB, in a function called from its start entry; the eNoise
// that Server sends first stays in the inbox until Client is back in a state, where it is handled
// after both receives. Waiting again right after a receive (with no send in between) must not make
// the client repeat what it did before its first wait: it creates one Server and sends one eReq.
event eReq: Client;
event eNoise;
event eA;
event eB;

machine Server {
  start state Serving {
    on eReq do (c: Client) {
      send c, eNoise;
      send c, eA;
      send c, eB;
    }
  }
}

machine Client {
  var received: int;
  start state Init {
    entry {
      var s: Server;
      s = new Server();
      send s, eReq, this;
      AwaitBoth();
      goto Ready;
    }
  }
  state Ready {
    on eNoise do {
      assert received == 2, format("eNoise handled after {0} receives", received);
    }
  }

  fun AwaitBoth() {
    receive {
      case eA: { received = received + 1; }
    }
    receive {
      case eB: { received = received + 1; }
    }
  }
}

test ReceiveTwice [main=Client]: { Client, Server };
