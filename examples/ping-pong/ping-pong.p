// Ping-pong: the smallest model with two machines that talk to each other.
//
// A Pinger creates a Ponger and sends it a ping carrying the round number. The Ponger answers each
// ping with a pong carrying the same number. After three rounds the Pinger stops. The assertions
// check that every pong answers the ping that was just sent.

// A ping says who sent it, so that the Ponger knows where to answer, and which round it belongs to.
event ePing: (from: Pinger, round: int);
// A pong echoes the round number.
event ePong: int;

machine Pinger receives ePong; sends ePing; {
    var ponger: Ponger;
    var round: int;

    start state Start {
        entry {
            ponger = new Ponger();
            goto Pinging;
        }
    }

    // Each time the Pinger enters this state it sends the next ping and waits for its pong.
    state Pinging {
        entry {
            round = round + 1;
            send ponger, ePing, (from = this, round = round);
        }
        on ePong do (answered: int) {
            assert answered == round, format("pong for round {0} while in round {1}", answered, round);
            if (round < 3) {
                goto Pinging;
            }
            goto Done;
        }
    }

    state Done {
    }
}

machine Ponger receives ePing; sends ePong; {
    var pongs: int;

    start state Ponging {
        on ePing do (ping: (from: Pinger, round: int)) {
            pongs = pongs + 1;
            send ping.from, ePong, ping.round;
        }
    }
}

// The test runs the Pinger; the module lists every machine that the run can create.
test PingPong [main=Pinger]: { Pinger, Ponger };
