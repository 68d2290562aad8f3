event eData: int;
event eFlush;

machine Producer sends eData; {
    start state Producing {
        entry (sink: machine) {
            send sink, eData, 1;
            send sink, eFlush;
        }
    }
}
