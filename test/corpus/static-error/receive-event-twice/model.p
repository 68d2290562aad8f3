event eAck: int;
event eNack;

machine Waiter {
    start state Waiting {
        entry {
            receive {
                case eAck: (n: int) {
                    print "ack";
                }
                case eNack, eAck: {
                    print "nack";
                }
            }
        }
    }
}
