// Events with and without payloads, of every payload shape, and event sets used in receive lists,
// defer and ignore.
event eTick;
event eNumber: int;
event eText: string;
event ePair: (int, string);
event eRecord: (id: int, tags: set[string]);
event eBatch: seq[int];
event eStop;

eventset Payloads = { eNumber, eText, ePair, eRecord, eBatch };
eventset Control = { eTick, eStop };

machine Sink receives Payloads, Control; {
    var total: int;
    var words: seq[string];

    start state Running {
        on eTick do {
            total = total + 1;
        }
        on eNumber do (n: int) {
            total = total + n;
        }
        on eText do (s: string) {
            words += (sizeof(words), s);
        }
        on ePair do (p: (int, string)) {
            total = total + p.0;
            words += (sizeof(words), p.1);
        }
        on eRecord do (r: (id: int, tags: set[string])) {
            total = total + r.id + sizeof(r.tags);
        }
        on eBatch do (b: seq[int]) {
            var x: int;
            foreach (x in b) {
                total = total + x;
            }
        }
        on eStop goto Stopped;
    }

    state Stopped {
        ignore Payloads, eTick;
        on eStop do {
            assert total > 0, "data was received before stopping";
        }
    }
}

machine Source sends Payloads, Control; {
    start state Start {
        entry {
            var sink: Sink;
            var tags: set[string];
            var batch: seq[int];
            sink = new Sink();
            tags += ("x");
            batch += (0, 4);
            batch += (1, 5);
            send sink, eTick;
            send sink, eNumber, 3;
            send sink, eText, "hello";
            send sink, ePair, 1, "one";
            send sink, eRecord, (id = 7, tags = tags);
            send sink, eBatch, batch;
            send sink, eStop;
            send sink, eNumber, 9;
            send sink, eStop;
        }
    }
}

test AllShapes [main=Source]: { Source, Sink };
