event eResize: (width: int, height: int);

machine Window {
    start state Shown {
        entry {
            send this, eResize;
        }
        on eResize do (size: (width: int, height: int)) {
            print "resized";
        }
    }
}
