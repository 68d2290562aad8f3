// std:timer — a timer that its owner starts and cancels, and that fires at a moment of the
// checker's choosing.
//
// Events:
//   eStartTimer: int          owner to timer: arm the timer. The int is a tag of the owner's
//                             choosing (a round or request number) that comes back with the
//                             timeout, so that a late timeout of an earlier round can be told
//                             apart. Starting an armed timer re-arms it with the new tag.
//   eCancelTimer              owner to timer: disarm it. Cancelling an idle timer does nothing.
//   eTimeout: tTimeout        timer to owner: the timer fired; carries the timer and the tag.
//
// Usage:
//   var timer: Timer;
//   timer = new Timer(this);              // the owner: where timeouts go
//   send timer, eStartTimer, round;
//   ...
//   send timer, eCancelTimer;
//
// Time is not modelled. An armed timer may fire at any point of the run, before or after any
// other event, so a timeout can be early (the reply was only slow) or never happen (the owner
// cancelled first). Cancelling races with firing: a timeout may already be on its way, or in the
// owner's inbox, when the owner sends eCancelTimer, so an owner must expect a timeout after it
// cancelled, and after it started the timer again: compare the tag, or ignore eTimeout in states
// that do not wait for one. An armed timer that is never cancelled fires in every complete run,
// and, on an infinite run, eventually (fairness), so liveness properties may rely on timeouts.

type tTimeout = (timer: Timer, tag: int);

event eStartTimer: int;
event eCancelTimer;
event eTimeout: tTimeout;

machine Timer receives eStartTimer, eCancelTimer; sends eTimeout; {
    var owner: machine;
    var tag: int;

    start state Init {
        entry (client: machine) {
            owner = client;
            goto Idle;
        }
    }

    state Idle {
        on eStartTimer goto Armed with (t: int) {
            tag = t;
        }
        ignore eCancelTimer;
    }

    // With nothing in its inbox the timer may fire; a cancel or a restart that has arrived is
    // taken first.
    state Armed {
        on null do {
            send owner, eTimeout, (timer = this, tag = tag);
            goto Idle;
        }
        on eStartTimer do (t: int) {
            tag = t;
        }
        on eCancelTimer goto Idle;
        // An idle timer keeps no tag, so that idle timers that differ only in their past are the
        // same state.
        exit {
            tag = 0;
        }
    }
}
