machine Counter {
    var limit: int;

    start state Init {
        entry {
            limit = 3000000000;
        }
    }
}
