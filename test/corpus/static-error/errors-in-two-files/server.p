// The server's variable has a misspelt type.
event eAnswer: int;

machine Server {
    var pending: Sequence;

    start state Serving {
        on eAnswer do (n: int) {
            print "answered";
        }
    }
}
