// Progress (liveness): once the crashes stop, every request is answered: every append is
// acknowledged and every read returns. The monitor is hot while a request is outstanding.
spec EventuallyAnswered observes eAppend, eAppended, eRead, eReadDone {
    var appends: set[tEntry];
    var reads: set[(client: machine, id: int)];
    // Appends acknowledged already: a client may send one again (to a new head) after the
    // acknowledgement was sent and before it arrived.
    var acked: set[tEntry];

    start cold state Quiet {
        on eAppend do (e: tEntry) {
            Owe(e);
        }
        on eRead goto Owing with (r: (client: machine, id: int)) {
            reads += (r);
        }
        // A copy of an acknowledgement (every append is acknowledged here).
        on eAppended do (a: (item: tEntry, index: int)) {
            acked += (a.item);
        }
    }

    hot state Owing {
        on eAppend do (e: tEntry) {
            Owe(e);
        }
        on eRead do (r: (client: machine, id: int)) {
            reads += (r);
        }
        on eAppended do (a: (item: tEntry, index: int)) {
            appends -= a.item;
            acked += (a.item);
            Settle();
        }
        on eReadDone do (d: (client: machine, id: int, log: seq[tEntry])) {
            reads -= (client = d.client, id = d.id);
            Settle();
        }
    }

    fun Owe(e: tEntry) {
        if (!(e in acked)) {
            appends += (e);
            goto Owing;
        }
    }

    fun Settle() {
        if (sizeof(appends) == 0 && sizeof(reads) == 0) {
            goto Quiet;
        }
    }
}
