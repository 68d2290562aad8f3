// The classic two-phase commit (TLA+'s TwoPhase) as one machine stepping itself: each step counts
// the enabled actions, chooses one, and takes it. An action that would change nothing (a resource
// manager receiving a decision it has already applied, the transaction manager recording a
// prepared message it has already recorded) would be a stuttering step, which TLA+ allows anywhere
// and which adds no state, so it is not counted. The state counts match TLC's: 288 states for 3
// resource managers, 1,568 for 4, 8,832 for 5, 296,448 for 7.
enum tRM { WORKING, PREPARED, COMMITTED, ABORTED }
enum tTM { TM_INIT, TM_COMMITTED, TM_ABORTED }
param nRM: int;

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

  // Counts the enabled actions (pick < 0), or takes the enabled action numbered `pick` and stops.
  fun enabledActions(pick: int): int {
    var k: int;
    var rm: int;
    if (tmState == TM_INIT && sizeof(tmPrepared) == nRM) {
      if (k == pick) { tmState = TM_COMMITTED; commitMsg = true; return k; }
      k = k + 1;
    }
    if (tmState == TM_INIT) {
      if (k == pick) { tmState = TM_ABORTED; abortMsg = true; return k; }
      k = k + 1;
    }
    while (rm < nRM) {
      if (tmState == TM_INIT && rm in preparedMsgs && !(rm in tmPrepared)) {
        if (k == pick) { tmPrepared += (rm); return k; }
        k = k + 1;
      }
      if (rmState[rm] == WORKING) {
        if (k == pick) { rmState[rm] = PREPARED; preparedMsgs += (rm); return k; }
        k = k + 1;
        if (k == pick) { rmState[rm] = ABORTED; return k; }
        k = k + 1;
      }
      if (commitMsg && rmState[rm] != COMMITTED) {
        if (k == pick) { rmState[rm] = COMMITTED; return k; }
        k = k + 1;
      }
      if (abortMsg && rmState[rm] != ABORTED) {
        if (k == pick) { rmState[rm] = ABORTED; return k; }
        k = k + 1;
      }
      rm = rm + 1;
    }
    return k;
  }
}

test param (nRM in [3, 4, 5]) tc [main=TwoPhase]: { TwoPhase };
