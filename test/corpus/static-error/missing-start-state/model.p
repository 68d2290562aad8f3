event eConnect;

machine Connection {
    state Disconnected {
        on eConnect goto Connected;
    }

    state Connected {
        ignore eConnect;
    }
}
