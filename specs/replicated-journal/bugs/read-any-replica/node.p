// Planted bug, with client.p: reads are spread over the replicas to share the load, and every node
// serves them from its own log, whatever its place in the chain (chain replication without CRAQ's
// version query to the tail).
//
// AnyReplicaNode is the node of PSrc/node.p with one change: every configured state serves eRead.
// The test in test.p runs it and SpreadingClient in place of the real node and client.
machine AnyReplicaNode receives eConfigure, eAppend, eRead, eForward, eAck, eIntroduce, eNewPred, eBecomeTail;
             sends eForward, eAck, eIntroduce, eAppended, eReadReply; {
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
    }

    // THE BUG: every node serves reads, from its own log.
    state Head {
        on eAppend do Append;
        on eRead do Serve;
        // From a predecessor that crashed: this node is the head now.
        ignore eForward;
        on eAck do Acked;
        on eIntroduce do Introduced;
        on eBecomeTail do BecomeTail;
    }

    state Middle {
        defer eAppend;
        on eRead do Serve;
        on eForward do Forwarded;
        on eAck do Acked;
        on eIntroduce do Introduced;
        on eNewPred do NewPred;
        on eBecomeTail do BecomeTail;
    }

    state Tail {
        defer eAppend;
        on eRead do Serve;
        on eForward do Forwarded;
        // From a successor that crashed: this node is the tail now.
        ignore eAck;
        on eIntroduce do Introduced;
        on eNewPred do NewPred;
    }

    state Solo {
        on eAppend do Append;
        on eRead do Serve;
        ignore eForward, eAck;
        on eIntroduce do Introduced;
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
        var index: int;
        succEpoch = epoch;
        succ = null;
        isTail = true;
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
        TakeRole();
    }

    fun Serve(r: (client: machine, id: int)) {
        send r.client, eReadReply, (id = r.id, log = log);
    }
}
