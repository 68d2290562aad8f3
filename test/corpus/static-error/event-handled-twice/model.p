event eKey: int;

machine Keyboard {
    start state Typing {
        on eKey do (k: int) {
            print "key";
        }
        ignore eKey;
    }
}
