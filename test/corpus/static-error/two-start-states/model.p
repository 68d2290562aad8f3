machine Engine {
    start state Off {
    }

    start state Idle {
    }
}
