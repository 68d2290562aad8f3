// A node of the chain. Its role follows from its neighbours: the head has no predecessor, the
// tail no successor, a single node is both (Solo), and the others are in the middle. The states
// say which client requests a node serves: a node that is not the head yet keeps the appends sent
// to it (deferred) until it becomes the head, and likewise reads until it becomes the tail, which
// the master has said it will be.
//
// Links between neighbours are reliable and FIFO, so a node appends what its predecessor forwards
// in the order it arrives. It takes forwarded entries only from its current predecessor: entries
// from a node removed from the chain come again, from the new predecessor, when the node
// introduces itself to it.
//
// A node that will be restarted crashes by taking eCrash (Down): it keeps only its log, which is on
// disk. Restarted, it rejoins the chain after the tail (Joining, see journal.p), and serves as the
// tail once it has caught up.
machine Node receives eConfigure, eAppend, eRead, eForward, eAck, eIntroduce, eNewPred, eBecomeTail,
                      eCrash, eRestart, eRejoin, eCatchUp;
             sends eForward, eAck, eIntroduce, eAppended, eReadReply, eJoin, eRejoin, eCatchUp; {
    var log: seq[tEntry];
    // The tail has the first `acked` entries of the log; the rest is the sent list.
    var acked: int;
    // Null at the head.
    var pred: machine;
    // Null at the tail.
    var succ: machine;
    var isTail: bool;
    // The epoch of the configuration, introduction or promotion that set `succ` and `isTail`
    // (the first configuration is epoch 0).
    var succEpoch: int;

    // Until the master has told the node its place in the chain, it keeps whatever reaches it.
    start state Unconfigured {
        defer eAppend, eRead, eForward, eIntroduce;
        on eConfigure do (c: (pred: machine, succ: machine)) {
            pred = c.pred;
            succ = c.succ;
            isTail = succ == null;
            TakeRole();
        }
        on eCrash do Crash;
    }

    state Head {
        on eAppend do Append;
        defer eRead;
        // From a predecessor that crashed: this node is the head now.
        ignore eForward;
        on eAck do Acked;
        on eIntroduce do Introduced;
        on eBecomeTail do BecomeTail;
        on eRejoin do Rejoined;
        on eCrash do Crash;
    }

    state Middle {
        defer eAppend, eRead;
        on eForward do Forwarded;
        on eAck do Acked;
        on eIntroduce do Introduced;
        on eNewPred do NewPred;
        on eBecomeTail do BecomeTail;
        on eRejoin do Rejoined;
        on eCrash do Crash;
    }

    state Tail {
        defer eAppend;
        on eRead do Serve;
        on eForward do Forwarded;
        // From a successor that crashed: this node is the tail now.
        ignore eAck;
        on eIntroduce do Introduced;
        on eNewPred do NewPred;
        on eRejoin do Rejoined;
        on eCrash do Crash;
    }

    state Solo {
        on eAppend do Append;
        on eRead do Serve;
        ignore eForward, eAck;
        on eIntroduce do Introduced;
        on eRejoin do Rejoined;
        on eCrash do Crash;
    }

    // Crashed: whatever reaches the node is lost, until it is restarted.
    state Down {
        ignore eConfigure, eAppend, eRead, eForward, eAck, eIntroduce, eNewPred, eBecomeTail, eRejoin, eCatchUp;
        on eRestart goto Joining with (master: machine) {
            send master, eJoin, this;
        }
    }

    // Restarted, with the log it recovered: waits for the master to name its predecessor, sends
    // it the log, and waits for what it lacks. Requests wait until it serves as the tail.
    state Joining {
        defer eAppend, eRead, eRejoin;
        // eConfigure: the first configuration, when the node crashed before it arrived.
        ignore eConfigure, eForward, eAck, eIntroduce;
        // The master names the predecessor; again if that one crashes first.
        on eNewPred do (p: (pred: machine, epoch: int)) {
            pred = p.pred;
            send pred, eRejoin, (succ = this, log = log, epoch = p.epoch);
        }
        on eCatchUp do CaughtUp;
    }

    fun TakeRole() {
        if (pred == null && isTail) {
            goto Solo;
        }
        if (pred == null) {
            goto Head;
        }
        if (isTail) {
            goto Tail;
        }
        goto Middle;
    }

    // At the head: a new entry, unless the chain has it already (a client resends its append to a
    // new head, and the entry may have reached it from the old one).
    fun Append(item: tEntry) {
        if (item in log) {
            return;
        }
        AddToLog(item);
    }

    fun Forwarded(f: (from: machine, index: int, item: tEntry)) {
        if (f.from != pred) {
            return;
        }
        AddToLog(f.item);
    }

    // Appends an entry and passes it on: forwarded to the successor, or, at the tail,
    // acknowledged to the client and up the chain.
    fun AddToLog(item: tEntry) {
        var index: int;
        index = sizeof(log);
        log += (index, item);
        announce eLogAppended, (node = this, index = index, item = item);
        if (isTail) {
            send item.client, eAppended, (item = item, index = index);
            acked = index + 1;
            if (pred != null) {
                send pred, eAck, acked;
            }
        } else if (succ != null) {
            send succ, eForward, (from = this, index = index, item = item);
        }
    }

    fun Acked(upTo: int) {
        if (upTo <= acked) {
            return;
        }
        acked = upTo;
        if (pred != null) {
            send pred, eAck, upTo;
        }
    }

    // A successor introduces itself: the node forwards to it from now on, starting with the entries
    // it does not have. An introduction older than the node's current successor is dropped.
    fun Introduced(i: (succ: machine, received: int, epoch: int)) {
        var index: int;
        if (i.epoch <= succEpoch) {
            return;
        }
        succEpoch = i.epoch;
        succ = i.succ;
        index = i.received;
        while (index < sizeof(log)) {
            send succ, eForward, (from = this, index = index, item = log[index]);
            index = index + 1;
        }
    }

    fun NewPred(p: (pred: machine, epoch: int)) {
        pred = p.pred;
        if (pred != null) {
            send pred, eIntroduce, (succ = this, received = sizeof(log), epoch = p.epoch);
        }
        TakeRole();
    }

    // Every successor crashed: the node is the tail, and acknowledges its sent list, which the old
    // tail may not have done.
    fun BecomeTail(epoch: int) {
        succEpoch = epoch;
        succ = null;
        isTail = true;
        AckSentList();
        TakeRole();
    }

    // The node has become the tail: it acknowledges the entries after `acked`, to their clients and
    // up the chain.
    fun AckSentList() {
        var index: int;
        index = acked;
        while (index < sizeof(log)) {
            send log[index].client, eAppended, (item = log[index], index = index);
            index = index + 1;
        }
        if (acked < sizeof(log)) {
            acked = sizeof(log);
            if (pred != null) {
                send pred, eAck, acked;
            }
        }
    }

    // The node crashes: only its log is left.
    fun Crash() {
        acked = 0;
        pred = null;
        succ = null;
        isTail = false;
        succEpoch = 0;
        goto Down;
    }

    // A restarted node, placed after this one from epoch `r.epoch` on, sends its log: this node
    // tells it how much of it agrees with its own log and sends the rest, then forwards to it. It is
    // no longer the tail.
    fun Rejoined(r: (succ: machine, log: seq[tEntry], epoch: int)) {
        var keep: int;
        var rest: seq[tEntry];
        var index: int;
        if (r.epoch <= succEpoch) {
            return;
        }
        succEpoch = r.epoch;
        succ = r.succ;
        isTail = false;
        keep = AgreeingLength(r.log);
        index = keep;
        while (index < sizeof(log)) {
            rest += (sizeof(rest), log[index]);
            index = index + 1;
        }
        send succ, eCatchUp, (from = this, keep = keep, entries = rest, acked = acked);
        TakeRole();
    }

    // How many entries at the start of `other` are those of the log.
    fun AgreeingLength(other: seq[tEntry]): int {
        var n: int;
        while (n < sizeof(other) && n < sizeof(log)) {
            if (other[n] != log[n]) {
                return n;
            }
            n = n + 1;
        }
        return n;
    }

    // The restarted node cuts its log to the part its predecessor agrees with, appends what it
    // lacks, and serves as the tail: it acknowledges what the old tail had not.
    fun CaughtUp(c: (from: machine, keep: int, entries: seq[tEntry], acked: int)) {
        var kept: seq[tEntry];
        var index: int;
        if (c.from != pred) {
            return;
        }
        while (index < c.keep) {
            kept += (index, log[index]);
            index = index + 1;
        }
        log = kept;
        index = 0;
        while (index < sizeof(c.entries)) {
            log += (sizeof(log), c.entries[index]);
            index = index + 1;
        }
        announce eRejoined, (node = this, log = log);
        isTail = true;
        acked = c.acked;
        AckSentList();
        TakeRole();
    }

    fun Serve(r: (client: machine, id: int)) {
        send r.client, eReadReply, (id = r.id, log = log);
    }
}
