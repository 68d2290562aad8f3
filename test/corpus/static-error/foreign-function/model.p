// A function declared without a body would be implemented in foreign code.
fun Now(): int;

machine Clock {
    var t: int;

    start state S {
        entry {
            t = Now();
        }
    }
}
