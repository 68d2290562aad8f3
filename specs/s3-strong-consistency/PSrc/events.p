// The vocabulary of the S3 strong-consistency model: its types and events, shared by the model,
// its monitors and the TypeScript implementation (`pith gen ts` turns these into the
// implementation's interfaces, and its traces are recorded in these names).
//
// The machines (one file each in this folder):
//   Client          issues PUT, GET, DELETE and LIST, one at a time, to its front end
//   FrontEnd        the request router: one per client connection; serves GETs from a cache
//                   partition when a witness barrier shows the entry is fresh, reads through to the
//                   index otherwise; sends writes and LISTs to the index layer
//   CachePartition  a partition of the metadata cache: key -> version
//   Witness         a witness replica: key -> latest sequence number it has been told of
//   Index           the metadata index (authoritative): writes each PUT/DELETE through the journal,
//                   records it at a write quorum of witnesses (the release point), then applies it
//   IndexReplica    a read replica of the index, fed asynchronously by the index; serves LISTs
//   Journal         the replicated journal, abstracted to an atomic commit that assigns sequence
//                   numbers (specs/replicated-journal models the chain itself)
//   FaultInjector   the environment: fails witnesses and cache partitions, within a budget
//
// Keys are small integers; a LIST covers the whole bucket (one index partition). Values are
// integers, unique per write (the request id of the PUT), so that a value names its write.
//
// These names are what the implementation is built against: no event, field or machine has been
// renamed since they were first written, and a rename would be listed here.

// A write: a PUT of `value` (deleted = false) or a DELETE (deleted = true, value 0).
type tWrite = (key: int, value: int, deleted: bool);

// A version of an object: the sequence number the journal gave the write that made it, its value,
// and whether it is a tombstone. The key's state before any write is seqNo 0, deleted (a 404).
type tVersion = (seqNo: int, value: int, deleted: bool);

// ---------------------------------------------------------------------------------------------
// Client <-> front end. Request ids are unique across clients.

event ePut: (client: machine, reqId: int, key: int, value: int);
event ePutResp: (reqId: int, key: int, seqNo: int);
event eDelete: (client: machine, reqId: int, key: int);
event eDeleteResp: (reqId: int, key: int, seqNo: int);
// The answer to a GET: the version read; a tombstone (or seqNo 0) is a 404.
event eGet: (client: machine, reqId: int, key: int);
event eGetResp: (reqId: int, key: int, version: tVersion);
// The answer to a LIST: every key that has an object (no tombstones), with its version.
event eList: (client: machine, reqId: int);
event eListResp: (reqId: int, objects: map[int, tVersion]);

// ---------------------------------------------------------------------------------------------
// Front end <-> cache partition.

// Look a key up. The answer says whether the partition is available (a failed partition answers
// at once that it is not: the front end's timeout), and whether it holds an entry for the key.
event eCacheLookup: (frontEnd: machine, reqId: int, key: int);
event eCacheLookupResp: (reqId: int, key: int, available: bool, hit: bool, version: tVersion);
// Install a version read from the index (kept only if newer than the partition's entry).
event eCacheFill: (key: int, version: tVersion);

// ---------------------------------------------------------------------------------------------
// Front end <-> witness (reads), index <-> witness (writes), witness <-> journal (recovery).

// The read barrier: the latest sequence number the witness knows for the key, or, for a LIST,
// for any key. A recovering witness answers known = false ("unknown").
event eWitnessBarrier: (frontEnd: machine, reqId: int, key: int);
event eWitnessListBarrier: (frontEnd: machine, reqId: int);
event eWitnessBarrierResp: (reqId: int, known: bool, seqNo: int);
// Record a committed write's sequence number; the witness acknowledges.
event eWitnessRecord: (index: machine, key: int, seqNo: int);
event eWitnessRecordResp: (witness: machine, key: int, seqNo: int);
// A restarted witness re-reads the journal: the latest committed sequence number of every key.
// `attempt` counts the witness's restarts, so that it drops the answer to an earlier attempt.
event eWitnessRebuild: (witness: machine, attempt: int);
event eWitnessRebuildResp: (attempt: int, latest: map[int, int]);

// ---------------------------------------------------------------------------------------------
// Front end <-> index and index replica.

// A PUT or DELETE; answered once it is committed, released (recorded at a witness write quorum)
// and applied.
event eIndexWrite: (frontEnd: machine, reqId: int, write: tWrite);
event eIndexWriteResp: (reqId: int, key: int, seqNo: int);
// Read a key, once the index has applied a version of it at least `atLeast` (0: as it is).
event eIndexRead: (frontEnd: machine, reqId: int, key: int, atLeast: int);
event eIndexReadResp: (reqId: int, key: int, version: tVersion);
// List the bucket, once the index (or replica) has applied every sequence number up to `atLeast`.
event eIndexList: (frontEnd: machine, reqId: int, atLeast: int);
event eIndexListResp: (reqId: int, objects: map[int, tVersion]);
// Index to replica: a version applied at the index (asynchronous replication).
event eIndexReplicate: (key: int, version: tVersion);

// ---------------------------------------------------------------------------------------------
// Index <-> journal.

// Commit a write; the journal gives it the next sequence number.
event eJournalCommit: (index: machine, frontEnd: machine, reqId: int, write: tWrite);
event eJournalCommitted: (frontEnd: machine, reqId: int, key: int, version: tVersion);

// ---------------------------------------------------------------------------------------------
// Faults (from the fault injector).

// A witness crashes and restarts at once: it has lost what it knew and is recovering.
event eWitnessFail;
// A cache partition fails: it loses its entries and answers every lookup "not available".
event eCacheFail;

// Announced to the monitors: the fault injector failed this machine.
event eFaultInjected: machine;
