// `$` and `$$`: a lossy channel drops messages with `$`; a fair retry loop uses `$$` so that every
// message eventually gets through.
event eData: int;
event eAck: int;

machine LossyReceiver receives eData; sends eAck; {
    var sender: machine;
    var received: set[int];

    start state Listening {
        entry (s: machine) {
            sender = s;
        }
        on eData do (n: int) {
            if ($) {
                return;
            }
            received += (n);
            send sender, eAck, n;
        }
    }
}

machine RetryingSender receives eAck; sends eData; {
    var next: int;
    var retries: int;
    var receiver: LossyReceiver;

    start state Sending {
        entry {
            receiver = new LossyReceiver(this);
            send receiver, eData, next;
        }
        on eAck do (n: int) {
            if (n == next) {
                next = next + 1;
            }
            if (next < 3) {
                send receiver, eData, next;
            }
        }
        on null do {
            if (next < 3 && retries < 3 && $$) {
                retries = retries + 1;
                send receiver, eData, next;
            }
        }
    }
}

test Lossy [main=RetryingSender]: { RetryingSender, LossyReceiver };
