event eStop;

machine Controller {
    start state Running {
        entry {
            send this, eStop, 5;
        }
        on eStop goto Stopped;
    }

    state Stopped {
    }
}
