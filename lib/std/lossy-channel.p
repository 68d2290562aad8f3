// std:lossy-channel — a link that forwards or drops each message.
//
// Types, events and functions:
//   tLossyMessage = (e: event, payload: any)   a message in transit: its event and its payload
//   eLossySend: tLossyMessage                  sender to channel: carry this message
//   LossySend(channel, e, payload)             what a sender calls instead of `send`
//
// Usage:
//   var link: LossyChannel;
//   link = new LossyChannel(receiver);       // every message goes to `receiver`
//   LossySend(link, ePing, (from = this, n = 1));
//   LossySend(link, eHeartbeat, null);       // an event without payload: pass null
//
// The receiver gets the original event and payload, as if the sender had sent them itself, or
// nothing. Each message is dropped or forwarded by a fair choice (`$$`): on an infinite run a
// channel that carries messages forever delivers infinitely many of them, which is what a sender
// that retransmits until it hears back relies on. Messages that are forwarded keep their order.
// The payload must be of the event's payload type; the channel cannot check it.

type tLossyMessage = (e: event, payload: any);

event eLossySend: tLossyMessage;

machine LossyChannel receives eLossySend; {
    var target: machine;

    start state Forwarding {
        entry (receiver: machine) {
            target = receiver;
        }
        on eLossySend do (m: tLossyMessage) {
            if ($$) {
                send target, m.e, m.payload;
            }
        }
    }
}

fun LossySend(channel: LossyChannel, e: event, payload: any) {
    send channel, eLossySend, (e = e, payload = payload);
}
