type tReq = (client: machine, key: int);
event eReq: tReq;
event eResp: (key: int, ok: bool);
enum Status { OK, FAIL = 3 }
machine Server {
  var store: map[int, Status];
  start state Serve {
    on eReq do (r: tReq) {
      var ok: bool;
      ok = r.key in store;
      if (!ok) { store[r.key] = OK; }
      send r.client, eResp, (key = r.key, ok = ok);
    }
  }
}
machine Client {
  var server: machine;
  var n: int;
  start state Init {
    entry {
      server = new Server();
      foreach (n in default(seq[int])) { print format("{0}", n); }
      send server, eReq, (client = this, key = choose(3));
      receive { case eResp: (r: (key: int, ok: bool)) { n = r.key; } }
      goto Done, n;
    }
  }
  state Done { entry (k: int) { assert k >= 0, "negative"; } }
}
spec Safe observes eResp { start state S { on eResp do (r: (key: int, ok: bool)) { assert r.key < 3; } } }
test tc [main=Client]: assert Safe in { Client, Server };
invariant i1: forall (c: Client) :: c.n >= 0;
