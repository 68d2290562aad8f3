machine Greeter {
    start state Greet {
        entry {
            print "hello, world;
        }
    }
}
