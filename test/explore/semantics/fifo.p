// FIFO per inbox: two events sent by one machine to another are taken in the order they were sent.
// Receiver asserts that the n-th event it takes carries n. States: Sender's two sends and
// Receiver's two steps interleave (Receiver may take the first event before the second is sent).
event eNum: int;

machine Receiver {
  var got: seq[int];
  start state Receiving {
    on eNum do (n: int) {
      got += (sizeof(got), n);
      assert n == sizeof(got), format("took {0} as event number {1}", n, sizeof(got));
    }
  }
}

machine Sender {
  start state Init {
    entry {
      var r: Receiver;
      r = new Receiver();
      send r, eNum, 1;
      send r, eNum, 2;
    }
  }
}

test InOrder [main=Sender]: { Sender, Receiver };
