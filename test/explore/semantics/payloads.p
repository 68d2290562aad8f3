// Entry payloads: the start state's entry gets the payload of `new`; `on E goto S` (without a
// with-function) passes E's payload to S's entry; `goto S, v` passes v. Worker is created with 5,
// gets eMove 6, and goes on with 7; it checks that it saw 5, 6, 7.
event eMove: int;

machine Worker {
  var seen: seq[int];
  start state Born {
    entry (n: int) { seen += (sizeof(seen), n); }
    on eMove goto Moved;
  }
  state Moved {
    entry (n: int) {
      seen += (sizeof(seen), n);
      goto Last, n + 1;
    }
  }
  state Last {
    entry (n: int) {
      seen += (sizeof(seen), n);
      assert format("{0}", seen) == "[5, 6, 7]", format("entries saw {0}", seen);
    }
  }
}

machine Main {
  start state Init {
    entry {
      var w: Worker;
      w = new Worker(5);
      send w, eMove, 6;
    }
  }
}

test Payloads [main=Main]: { Main, Worker };
