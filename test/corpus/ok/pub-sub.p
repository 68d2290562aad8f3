// Publish and subscribe: subscribers register for topics; a broker delivers every publication to
// the subscribers of its topic, in publication order.
type tPublication = (topic: string, seqNo: int);

event eSubscribe: (subscriber: Subscriber, topic: string);
event ePublish: tPublication;
event eDeliver: tPublication;

machine Broker receives eSubscribe, ePublish; sends eDeliver; {
    var subscribers: map[string, set[Subscriber]];

    start state Brokering {
        on eSubscribe do (s: (subscriber: Subscriber, topic: string)) {
            if (!(s.topic in subscribers)) {
                subscribers[s.topic] = default(set[Subscriber]);
            }
            subscribers[s.topic] += (s.subscriber);
        }
        on ePublish do (p: tPublication) {
            var s: Subscriber;
            if (p.topic in subscribers) {
                foreach (s in subscribers[p.topic]) {
                    send s, eDeliver, p;
                }
            }
        }
    }
}

machine Subscriber receives eDeliver; sends eSubscribe; {
    var last: map[string, int];

    start state Listening {
        entry (config: (broker: Broker, topics: seq[string])) {
            var t: string;
            foreach (t in config.topics) {
                send config.broker, eSubscribe, (subscriber = this, topic = t);
            }
        }
        on eDeliver do (p: tPublication) {
            if (p.topic in last) {
                assert p.seqNo > last[p.topic], "publications delivered out of order";
            }
            last[p.topic] = p.seqNo;
        }
    }
}

machine Publisher sends ePublish; {
    start state Publishing {
        entry {
            var b: Broker;
            var topics: seq[string];
            b = new Broker();
            topics += (0, "news");
            topics += (1, "sport");
            new Subscriber((broker = b, topics = topics));
            send b, ePublish, (topic = "news", seqNo = 1);
            send b, ePublish, (topic = "sport", seqNo = 2);
            send b, ePublish, (topic = "news", seqNo = 3);
        }
    }
}

test Topics [main=Publisher]: { Publisher, Broker, Subscriber };
