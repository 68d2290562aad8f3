// The replicated journal, abstracted to what the metadata layer relies on: an atomic commit that
// gives each write the next sequence number. specs/replicated-journal checks that the chain
// behaves so (an acknowledged append is at its index in every live node's log).
//
// The journal also answers a restarted witness with the latest committed sequence number of every
// key, which is what the witness would rebuild by reading the journal.
machine Journal receives eJournalCommit, eWitnessRebuild; sends eJournalCommitted, eWitnessRebuildResp; {
    // The sequence number of the last commit (0: none yet).
    var last: int;
    // The sequence number of the last commit of each key.
    var latest: map[int, int];

    start state Committing {
        on eJournalCommit do (c: (index: machine, frontEnd: machine, reqId: int, write: tWrite)) {
            last = last + 1;
            latest[c.write.key] = last;
            send c.index, eJournalCommitted, (frontEnd = c.frontEnd, reqId = c.reqId, key = c.write.key,
                version = (seqNo = last, value = c.write.value, deleted = c.write.deleted));
        }
        on eWitnessRebuild do (r: (witness: machine, attempt: int)) {
            send r.witness, eWitnessRebuildResp, (attempt = r.attempt, latest = latest);
        }
    }
}
