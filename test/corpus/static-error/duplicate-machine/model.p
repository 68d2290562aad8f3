event ePing;

machine Pinger {
    start state S {
        ignore ePing;
    }
}

machine Pinger {
    start state T {
        on ePing goto T;
    }
}
