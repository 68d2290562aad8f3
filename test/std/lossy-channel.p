// A model that uses std:lossy-channel (and std:timer): a sender transfers two numbered messages
// to a receiver over a link that may lose them, retransmitting on a timeout up to `maxAttempts`
// times per message (at least once). The receiver acknowledges every copy it gets, straight back,
// and hands each number to its application once, in order, however many copies arrive.
param maxAttempts: int;

event eSegment: (sender: machine, number: int);
event eSegmentAck: int;
// Announced by the receiver: a message handed to the application.
event eDelivered: int;
// Announced by the sender: the transfer ended, with every message acknowledged or not.
event eTransferEnded: bool;

machine LinkReceiver receives eSegment; sends eSegmentAck; {
    var expected: int;

    start state Receiving {
        entry {
            expected = 1;
        }
        on eSegment do (s: (sender: machine, number: int)) {
            if (s.number == expected) {
                announce eDelivered, s.number;
                expected = expected + 1;
            }
            send s.sender, eSegmentAck, s.number;
        }
    }
}

machine LinkSender receives eSegmentAck, eTimeout; sends eLossySend, eStartTimer, eCancelTimer; {
    var link: LossyChannel;
    var timer: Timer;
    var number: int;
    var attempts: int;

    start state Init {
        entry {
            link = new LossyChannel(new LinkReceiver());
            timer = new Timer(this);
            goto Sending;
        }
    }

    state Sending {
        entry {
            number = number + 1;
            attempts = 0;
            Transmit();
        }
        on eSegmentAck do (acked: int) {
            if (acked != number) {
                return;
            }
            send timer, eCancelTimer;
            if (number < 2) {
                goto Sending;
            }
            announce eTransferEnded, true;
            goto Done;
        }
        on eTimeout do (t: tTimeout) {
            if (t.tag != number) {
                return;
            }
            if (attempts < maxAttempts) {
                Transmit();
                return;
            }
            announce eTransferEnded, false;
            goto Done;
        }
    }

    state Done {
        ignore eSegmentAck, eTimeout;
    }

    fun Transmit() {
        attempts = attempts + 1;
        LossySend(link, eSegment, (sender = this, number = number));
        send timer, eStartTimer, number;
    }
}

// Safety: the application gets 1, then 2, each once.
spec InOrderExactlyOnce observes eDelivered {
    var last: int;

    start state Watching {
        on eDelivered do (n: int) {
            assert n == last + 1, format("delivered {0} after {1}", n, last);
            last = n;
        }
    }
}

// Liveness: the transfer ends (with success or not): retransmitting never goes on forever.
spec TransferEnds observes eTransferEnded {
    start hot state Transferring {
        on eTransferEnded goto Ended;
    }

    cold state Ended {
    }
}

// Liveness: both messages reach the application. False on a lossy link without retransmission.
spec AllDelivered observes eDelivered {
    start hot state Missing {
        on eDelivered do (n: int) {
            if (n == 2) {
                goto Complete;
            }
        }
    }

    cold state Complete {
    }
}

module LossyLink = { LinkSender, LinkReceiver, LossyChannel, Timer };

test param (maxAttempts in [3]) Retransmission [main=LinkSender]: assert InOrderExactlyOnce, TransferEnds in LossyLink;
test SingleAttempt [main=LinkSender]: assert AllDelivered in LossyLink;
