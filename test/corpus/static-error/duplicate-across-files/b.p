// eJoin is declared again, in another file of the same model.
event eJoin: string;

machine Member {
    start state Joined {
        on eJoin do (id: tId) {
            print "joined";
        }
    }
}
