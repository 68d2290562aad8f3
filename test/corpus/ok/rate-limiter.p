// A token-bucket rate limiter: requests pass while tokens remain; a refill timer adds tokens up
// to the bucket's capacity.
event eRequest: machine;
event eAllowed;
event eRejected;
event eRefill;

machine RateLimiter receives eRequest, eRefill; sends eAllowed, eRejected; {
    var tokens: int;
    var capacity: int;

    start state Limiting {
        entry (c: int) {
            capacity = c;
            tokens = c;
        }
        on eRequest do (client: machine) {
            if (tokens > 0) {
                tokens = tokens - 1;
                send client, eAllowed;
            } else {
                send client, eRejected;
            }
        }
        on eRefill do {
            if (tokens < capacity) {
                tokens = tokens + 1;
            }
            assert tokens <= capacity;
        }
    }
}

machine Refiller sends eRefill; {
    var limiter: RateLimiter;
    var refills: int;

    start state Ticking {
        entry (l: RateLimiter) {
            limiter = l;
        }
        on null do {
            if (refills < 2) {
                send limiter, eRefill;
                refills = refills + 1;
            }
        }
    }
}

machine Burst receives eAllowed, eRejected; sends eRequest; {
    var allowed: int;
    var rejected: int;

    start state Sending {
        entry {
            var l: RateLimiter;
            var i: int;
            l = new RateLimiter(2);
            new Refiller(l);
            while (i < 4) {
                send l, eRequest, this;
                i = i + 1;
            }
        }
        on eAllowed do {
            allowed = allowed + 1;
            assert allowed <= 4;
        }
        on eRejected do {
            rejected = rejected + 1;
        }
    }
}

test Limits [main=Burst]: { Burst, RateLimiter, Refiller };
