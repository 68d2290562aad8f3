// The coordinator's deadline for votes. An armed timer may fire at any point of the run (time is
// not modelled), so a timeout can come while votes are still on their way, and one can come after
// the coordinator cancelled the timer: the timeout carries the transaction id it was started for.
// This is std:timer under names of its own, so that the example checks without the library.

event eVoteTimerStart: int;
event eVoteTimerCancel;
event eVoteTimeout: int;

machine VoteTimer receives eVoteTimerStart, eVoteTimerCancel; sends eVoteTimeout; {
    var owner: machine;
    var id: int;

    start state Init {
        entry (client: machine) {
            owner = client;
            goto Idle;
        }
    }

    state Idle {
        on eVoteTimerStart goto Armed with (t: int) {
            id = t;
        }
        ignore eVoteTimerCancel;
    }

    state Armed {
        on null do {
            send owner, eVoteTimeout, id;
            goto Idle;
        }
        on eVoteTimerCancel goto Idle;
        exit {
            id = 0;
        }
    }
}
