// The classic two-phase commit (the TLA+ specification TwoPhase) as one machine stepping itself:
// each step counts the actions that are enabled, chooses one, and takes it. It reaches the
// published numbers of distinct states: 288 for 3 resource managers, 1,568 for 4, 8,832 for 5.
// Test Observed attaches a monitor that observes nothing, which makes the explorer emit the steps
// that leave the state as it is (it needs them to look for cycles): then every enabled action of
// every state is a transition, as in the TLA+ specification (1,145 for 3 resource managers).
enum tRM { WORKING, PREPARED, COMMITTED, ABORTED }
enum tTM { TM_INIT, TM_COMMITTED, TM_ABORTED }
param nRM: int;
event eNever;

machine TwoPhase {
  var rmState: seq[tRM];
  var tmState: tTM;
  var tmPrepared: set[int];
  var preparedMsgs: set[int];
  var commitMsg: bool;
  var abortMsg: bool;

  start state Init {
    entry {
      var i: int;
      while (i < nRM) { rmState += (i, WORKING); i = i + 1; }
      goto Step;
    }
  }

  state Step {
    on null do {
      var n: int;
      n = enabledActions(-1);
      if (n > 0) { enabledActions(choose(n)); }
    }
  }

  // Counts the enabled actions (pick < 0), or takes the enabled action numbered `pick`.
  fun enabledActions(pick: int): int {
    var k: int;
    var rm: int;
    if (tmState == TM_INIT && sizeof(tmPrepared) == nRM) {
      if (k == pick) { tmState = TM_COMMITTED; commitMsg = true; }
      k = k + 1;
    }
    if (tmState == TM_INIT) {
      if (k == pick) { tmState = TM_ABORTED; abortMsg = true; }
      k = k + 1;
    }
    while (rm < nRM) {
      if (tmState == TM_INIT && rm in preparedMsgs) {
        if (k == pick) { tmPrepared += (rm); }
        k = k + 1;
      }
      if (rmState[rm] == WORKING) {
        if (k == pick) { rmState[rm] = PREPARED; preparedMsgs += (rm); }
        k = k + 1;
        if (k == pick) { rmState[rm] = ABORTED; }
        k = k + 1;
      }
      if (commitMsg) {
        if (k == pick) { rmState[rm] = COMMITTED; }
        k = k + 1;
      }
      if (abortMsg) {
        if (k == pick) { rmState[rm] = ABORTED; }
        k = k + 1;
      }
      rm = rm + 1;
    }
    return k;
  }
}

test param (nRM in [3, 4, 5]) tc [main=TwoPhase]: { TwoPhase };

spec Quiet observes eNever {
  start state Watching {}
}

test param (nRM in [3, 4, 5]) Observed [main=TwoPhase]: assert Quiet in { TwoPhase };
