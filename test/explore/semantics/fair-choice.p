// `$$` is a fair choice: it cannot come out false forever, so a machine retrying until `$$` comes
// out true does finish; with `$` it may retry forever, a fair cycle on which the monitor stays hot.
//
// FairRetry: initial state (eTry queued, monitor Waiting); its step either finishes (announces
// eDone, the monitor cools) or queues eTry again, the same state: 2 distinct states. Transitions:
// the retry, the finish, and the finish again as the fair-choice process (see model.ts): 3.
// PlainRetry: the same shape with `$`: the retry is a fair cycle of one step on which the monitor
// stays hot.
event eTry;
event eDone;

machine FairRetry {
  start state Trying {
    entry { send this, eTry; }
    on eTry do {
      if ($$) { announce eDone; goto Done; }
      send this, eTry;
    }
  }
  state Done { }
}

machine PlainRetry {
  start state Trying {
    entry { send this, eTry; }
    on eTry do {
      if ($) { announce eDone; goto Done; }
      send this, eTry;
    }
  }
  state Done { }
}

spec Finishes observes eTry, eDone {
  start hot state Waiting { ignore eTry; on eDone goto Finished; }
  cold state Finished { ignore eTry; }
}

test fair [main=FairRetry]: assert Finishes in { FairRetry };
test plain [main=PlainRetry]: assert Finishes in { PlainRetry };
