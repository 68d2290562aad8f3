// The known violation that the reporters' tests pin: Server answers each request with its number
// or ten times it, so the responses can arrive out of order, and Client's assertion fails.
event eReq: (client: machine, n: int);
event eResp: int;

machine Client {
  var server: machine;
  var got: seq[int];
  start state Init {
    entry {
      server = new Server();
      send server, eReq, (client = this, n = 1);
      send server, eReq, (client = this, n = 2);
    }
    on eResp do (n: int) {
      got += (sizeof(got), n);
      if (sizeof(got) == 2) { assert got[0] < got[1], format("responses out of order: {0}", got); }
    }
  }
}

machine Server {
  start state Serve {
    on eReq do (r: (client: machine, n: int)) {
      if ($) { send r.client, eResp, r.n; } else { send r.client, eResp, r.n * 10; }
    }
  }
}

spec Answered observes eReq, eResp {
  var pending: int;
  start cold state Idle {
    on eReq goto Waiting with { pending = pending + 1; }
  }
  hot state Waiting {
    on eReq do { pending = pending + 1; }
    on eResp do { pending = pending - 1; if (pending == 0) { goto Idle; } }
  }
}

test tcOrder [main=Client]: assert Answered in { Client, Server };
