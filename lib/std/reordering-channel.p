// std:reordering-channel — a link that delivers every message once, in any order.
//
// Types, events and functions:
//   tReorderingMessage = (e: event, payload: any)   a message in transit
//   eReorderingSend: tReorderingMessage             sender to channel: carry this message
//   ReorderingSend(channel, e, payload)             what a sender calls instead of `send`
//
// Usage:
//   var link: ReorderingChannel;
//   link = new ReorderingChannel(receiver);
//   ReorderingSend(link, eUpdate, 1);
//   ReorderingSend(link, eUpdate, 2);        // may arrive before the first
//
// The channel holds the messages in transit as a multiset (a map from message to number of
// copies, so equal messages are neither merged nor ordered) and delivers any one of them whenever
// it has taken every message sent to it so far. Every message is delivered exactly once; only the
// order changes. The payload must be of the event's payload type; the channel cannot check it.

type tReorderingMessage = (e: event, payload: any);

event eReorderingSend: tReorderingMessage;

machine ReorderingChannel receives eReorderingSend; {
    var target: machine;
    // Messages in transit, each with its number of copies.
    var inTransit: map[tReorderingMessage, int];

    start state Init {
        entry (receiver: machine) {
            target = receiver;
            goto Empty;
        }
    }

    state Empty {
        on eReorderingSend goto Holding with Hold;
    }

    // Holding at least one message. A state of its own, so that an empty channel can stop and let
    // the run end.
    state Holding {
        on eReorderingSend do Hold;
        on null do {
            var m: tReorderingMessage;
            m = choose(inTransit);
            if (inTransit[m] == 1) {
                inTransit -= m;
            } else {
                inTransit[m] = inTransit[m] - 1;
            }
            send target, m.e, m.payload;
            if (sizeof(inTransit) == 0) {
                goto Empty;
            }
        }
    }

    fun Hold(m: tReorderingMessage) {
        if (m in inTransit) {
            inTransit[m] = inTransit[m] + 1;
        } else {
            inTransit[m] = 1;
        }
    }
}

fun ReorderingSend(channel: ReorderingChannel, e: event, payload: any) {
    send channel, eReorderingSend, (e = e, payload = payload);
}
