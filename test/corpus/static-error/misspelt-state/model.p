event eGo;

machine Traveller {
    start state Waiting {
        on eGo goto Travelling;
    }

    state Traveling {
        entry {
            goto Wiating;
        }
    }
}
