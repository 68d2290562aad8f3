event eOrder: int;

machine Shop {
    var last: eOrder;

    start state Open {
        on eOrder do (n: int) {
            print "order";
        }
    }
}
