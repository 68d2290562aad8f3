// '@' is not part of the language: a machine refers to itself with 'this'.
event ePing;

machine Pinger {
    start state Ping {
        entry {
            send @this, ePing;
        }
        ignore ePing;
    }
}
