// A model that uses std:timer: a requester asks a responder two questions in turn, and gives a
// question up when its timer fires before the answer comes. The responder may never answer (it
// drops a question by a nondeterministic choice), so only the timer lets the requester go on.
//
// An answer and the timeout race: the timer may fire while the answer is on its way, and a timeout
// for question 1 may still arrive while the requester waits for question 2. With `checkTags` the
// requester compares each timeout's tag with the question it is waiting for; without, it takes a
// late timeout for a fresh one and gives up on a question whose timer never fired.
param checkTags: bool;

event eQuestion: (from: machine, round: int);
event eAnswer: int;
// Announced by the requester: a question is closed, answered or given up.
event eConcluded: (round: int, answered: bool);

machine Responder receives eQuestion; sends eAnswer; {
    start state Serving {
        on eQuestion do (q: (from: machine, round: int)) {
            if ($) {
                send q.from, eAnswer, q.round;
            }
        }
    }
}

machine Requester receives eAnswer, eTimeout; sends eQuestion, eStartTimer, eCancelTimer; {
    var responder: Responder;
    var timer: Timer;
    var round: int;

    start state Init {
        entry {
            responder = new Responder();
            timer = new Timer(this);
            goto Asking;
        }
    }

    state Asking {
        entry {
            round = round + 1;
            send responder, eQuestion, (from = this, round = round);
            send timer, eStartTimer, round;
        }
        on eAnswer do (r: int) {
            // A late answer to a question given up already.
            if (r != round) {
                return;
            }
            send timer, eCancelTimer;
            Conclude(true);
        }
        on eTimeout do (t: tTimeout) {
            // A timeout of a question answered already: the cancel came too late.
            if (checkTags && t.tag != round) {
                return;
            }
            Conclude(false);
        }
    }

    state Done {
        ignore eAnswer, eTimeout;
    }

    fun Conclude(answered: bool) {
        announce eConcluded, (round = round, answered = answered);
        if (round < 2) {
            goto Asking;
        }
        goto Done;
    }
}

// Safety: a question is given up only after its own timer fired.
spec GiveUpOnlyAfterTimeout observes eTimeout, eConcluded {
    var fired: set[int];

    start state Watching {
        on eTimeout do (t: tTimeout) {
            fired += (t.tag);
        }
        on eConcluded do (c: (round: int, answered: bool)) {
            assert c.answered || c.round in fired, format("question {0} given up, but its timer never fired", c.round);
        }
    }
}

// Liveness: every question asked is eventually closed.
spec EveryQuestionConcludes observes eQuestion, eConcluded {
    start cold state Idle {
        on eQuestion goto Open;
    }

    hot state Open {
        on eConcluded goto Idle;
    }
}

test param (checkTags in [true, false]) TimerOwner [main=Requester]:
    assert GiveUpOnlyAfterTimeout, EveryQuestionConcludes in { Requester, Responder, Timer };
