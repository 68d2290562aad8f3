// Heartbeats with a timeout: a watcher expects a beat before its timer fires; a timer that fires
// without a beat makes the watcher suspect the sender, and a later beat clears the suspicion. The
// timer is a machine that fires when it is not reset. The liveness spec requires a crashed sender
// to be suspected eventually.
event eBeat;
event eReset;
event eFire;
event eCrashed;
event eDetected;
event eCleared;

machine BeatTimer receives eReset; sends eFire; {
    var target: machine;

    start state Armed {
        entry (t: machine) {
            target = t;
        }
        on eReset goto Rearmed;
        on null goto Fired with {
            send target, eFire;
        }
    }

    state Rearmed {
        on eReset do {
            ;
        }
        on null goto Fired with {
            send target, eFire;
        }
    }

    state Fired {
        on eReset goto Rearmed;
    }
}

machine Watcher receives eBeat, eFire; sends eReset; {
    var timer: BeatTimer;

    start state Watching {
        entry {
            timer = new BeatTimer(this);
            new Beater(this);
        }
        on eBeat do {
            send timer, eReset;
        }
        on eFire goto Suspecting;
    }

    state Suspecting {
        entry {
            announce eDetected;
        }
        on eBeat goto Watching2 with {
            send timer, eReset;
            announce eCleared;
        }
        ignore eFire;
    }

    state Watching2 {
        on eBeat do {
            send timer, eReset;
        }
        on eFire goto Suspecting;
    }
}

machine Beater sends eBeat; {
    var watcher: machine;
    var beats: int;

    start state Beating {
        entry (w: machine) {
            watcher = w;
        }
        on null do {
            if (beats < 3 && $$) {
                send watcher, eBeat;
                beats = beats + 1;
            } else {
                announce eCrashed;
                raise halt;
            }
        }
    }
}

spec CrashDetected observes eCrashed, eDetected, eCleared {
    var suspected: bool;

    start cold state Running {
        on eDetected do {
            suspected = true;
        }
        on eCleared do {
            suspected = false;
        }
        on eCrashed do {
            if (suspected) {
                goto Detected;
            }
            goto Undetected;
        }
    }

    hot state Undetected {
        on eDetected goto Detected;
        ignore eCleared;
    }

    cold state Detected {
        ignore eCrashed, eDetected, eCleared;
    }
}

test Heartbeats [main=Watcher]: assert CrashDetected in { Watcher, BeatTimer, Beater };
