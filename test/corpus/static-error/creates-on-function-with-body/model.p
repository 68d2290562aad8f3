machine Worker {
    start state S {
    }
}

fun Spawn() creates Worker {
    new Worker();
}
