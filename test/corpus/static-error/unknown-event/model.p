event eRequest: int;

machine Server {
    start state Serving {
        on eRequest do (n: int) {
            print format("got {0}", n);
        }
        on eShutdown goto Stopped;
    }

    state Stopped {
        ignore eRequest;
    }
}
