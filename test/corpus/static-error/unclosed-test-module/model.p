machine Main {
    start state S {
    }
}

machine Helper {
    start state S {
    }
}

test Smoke [main=Main]: { Main, Helper
