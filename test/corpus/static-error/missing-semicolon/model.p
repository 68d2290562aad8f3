event eRequest: int
event eResponse: int;

machine Server {
    var handled: int;

    start state Serving {
        on eRequest do (n: int) {
            handled = handled + n
        }
    }
}
