machine Counter {
    var count: int;

    start state Counting {
        entry {
            count = "three";
        }
    }
}
