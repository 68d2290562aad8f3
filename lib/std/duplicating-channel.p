// std:duplicating-channel — a link that delivers each message once or twice.
//
// Types, events and functions:
//   tDuplicatingMessage = (e: event, payload: any)   a message in transit
//   eDuplicatingSend: tDuplicatingMessage            sender to channel: carry this message
//   DuplicatingSend(channel, e, payload)             what a sender calls instead of `send`
//
// Usage:
//   var link: DuplicatingChannel;
//   link = new DuplicatingChannel(receiver);
//   DuplicatingSend(link, eWrite, (key = 1, value = 7));
//
// The receiver gets the original event and payload, once, or twice in a row (a retransmission
// whose first copy arrived after all). Nothing is lost and the order of messages is kept; combine
// with sequence numbers in the payload to let the receiver spot a copy. The payload must be of the
// event's payload type; the channel cannot check it.

type tDuplicatingMessage = (e: event, payload: any);

event eDuplicatingSend: tDuplicatingMessage;

machine DuplicatingChannel receives eDuplicatingSend; {
    var target: machine;

    start state Forwarding {
        entry (receiver: machine) {
            target = receiver;
        }
        on eDuplicatingSend do (m: tDuplicatingMessage) {
            send target, m.e, m.payload;
            if ($) {
                send target, m.e, m.payload;
            }
        }
    }
}

fun DuplicatingSend(channel: DuplicatingChannel, e: event, payload: any) {
    send channel, eDuplicatingSend, (e = e, payload = payload);
}
