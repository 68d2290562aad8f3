// DynamoDB transactions: the vocabulary of the model, shared with the implementation in
// examples/dynamodb (its TypeScript interfaces are generated from this file by `pith gen ts`).
//
// Components, as in the service:
// - clients send requests to a request router: TransactWriteItems, TransactGetItems, and the
//   single-item GetItem, PutItem, DeleteItem;
// - the router forwards transactions to a transaction coordinator, and single-item requests to
//   the storage node that holds the item's partition;
// - a coordinator runs a write transaction: it records it in the ledger (PENDING), asks every
//   item's storage node to prepare it, records the decision in the ledger with a conditional
//   write, then tells the storage nodes to commit or cancel, and replies; it runs a read
//   transaction in two rounds (read, then validate that nothing changed);
// - a storage node keeps the items of one partition, each with its value, the timestamp of its
//   last committed write, a log sequence number (LSN), and the transaction prepared on it, if any;
// - the ledger keeps one record per transaction, indexed by the client's request token;
// - the sweeper (a timer in the coordinators) asks a coordinator to recover the transactions whose
//   coordinator seems to have stopped.
//
// Items are numbered 0, 1, ...; item i is on partition i % (number of storage nodes).
// Transaction ids are given by the ledger, from 1; 0 means "none" (a plain write, no prepared
// transaction).

// What a write transaction does to one item (TransactWriteItems' Put, Update with an increment,
// Delete and ConditionCheck).
enum tAction { PUT, ADD, DELETE, CHECK }

// The condition an action puts on the item's state before the transaction.
enum tCondition { NO_CONDITION, ITEM_EXISTS, ITEM_NOT_EXISTS, VALUE_IS }

// One action of a write transaction: PUT sets `value`, ADD adds `value` to the item's value (an
// absent item counts as 0), DELETE removes the item, CHECK changes nothing. `expected` is the value
// a VALUE_IS condition requires.
type tWrite = (item: int, action: tAction, value: int, condition: tCondition, expected: int);

// A ledger record's status. Only PENDING -> COMMITTED and PENDING -> CANCELLED are allowed.
enum tStatus { PENDING, COMMITTED, CANCELLED }

// The answer to TransactWriteItems. TX_IN_PROGRESS: a request with the same token is being run
// (TransactionInProgressException); TX_PARAMETER_MISMATCH: the token was used with other writes
// (IdempotentParameterMismatchException).
enum tWriteResult { TX_SUCCEEDED, TX_CANCELLED, TX_IN_PROGRESS, TX_PARAMETER_MISMATCH }

// A storage node's answer to a prepare: yes, or why not.
// VOTE_CONDITION_FAILED: the condition is false; VOTE_CONFLICT: another transaction is prepared on
// the item; VOTE_TIMESTAMP: the item was written at the transaction's timestamp or later.
enum tVote { VOTE_YES, VOTE_CONDITION_FAILED, VOTE_CONFLICT, VOTE_TIMESTAMP }

// A transaction's record in the ledger. `owner` is the coordinator that runs it.
type tRecord = (txId: int, token: int, client: machine, ts: int, writes: seq[tWrite], status: tStatus,
                completed: bool, owner: machine);

// An item's value as a reader sees it.
type tItemValue = (item: int, value: int, exists: bool);

// ---- Client <-> request router (and the replies, straight to the client) ----

// TransactWriteItems, with the client's request token (ClientRequestToken).
event eTransactWriteItems: (client: machine, token: int, writes: seq[tWrite]);
event eTransactWriteItemsResponse: (token: int, result: tWriteResult);
// TransactGetItems: read these items as one snapshot. `request` numbers the client's requests.
event eTransactGetItems: (client: machine, request: int, items: seq[int]);
// `ok` false: the read conflicted with a write transaction (TransactionCanceledException); no values.
event eTransactGetItemsResponse: (request: int, ok: bool, items: seq[tItemValue]);
event eGetItem: (client: machine, item: int);
event eGetItemResponse: tItemValue;
event ePutItem: (client: machine, item: int, value: int);
// `ok` false: a transaction is prepared on the item (TransactionConflictException).
event ePutItemResponse: (item: int, ok: bool);
event eDeleteItem: (client: machine, item: int);
event eDeleteItemResponse: (item: int, ok: bool);

// The router forwards eTransactWriteItems and eTransactGetItems, unchanged, to a coordinator, and
// eGetItem, ePutItem and eDeleteItem to the item's storage node.

// ---- Coordinator <-> storage node ----

// Prepare the transaction's action on the item, at timestamp `ts`.
event ePrepare: (coordinator: machine, txId: int, ts: int, write: tWrite);
event ePrepareResponse: (txId: int, item: int, vote: tVote);
// Apply the prepared action (a no-op when the transaction is not prepared on the item).
event eCommit: (coordinator: machine, txId: int, item: int);
event eCommitResponse: (txId: int, item: int);
// Drop the prepared action (a no-op when the transaction is not prepared on the item).
event eCancel: (coordinator: machine, txId: int, item: int);
event eCancelResponse: (txId: int, item: int);
// TransactGetItems, round 1: the item's committed value and LSN, and whether a transaction is
// prepared on it.
event eReadItem: (coordinator: machine, request: int, item: int);
event eReadItemResponse: (request: int, item: int, value: int, exists: bool, ts: int, lsn: int, prepared: bool);
// TransactGetItems, round 2: is the item's LSN still `lsn`, with nothing prepared?
event eValidateItem: (coordinator: machine, request: int, item: int, lsn: int);
event eValidateItemResponse: (request: int, item: int, ok: bool);

// ---- Coordinator <-> ledger ----

// Create the record of a transaction, PENDING, unless the token has one already: the response
// carries the token's record, and `created` says whether it is new.
event eLedgerBegin: (coordinator: machine, token: int, client: machine, ts: int, writes: seq[tWrite]);
event eLedgerBeginResponse: (record: tRecord, created: bool);
// Conditional write: set the status to `next` if it is `expected`. The response carries the
// status after the write (`next` if it succeeded, the recorded decision otherwise).
event eLedgerDecide: (coordinator: machine, txId: int, expected: tStatus, next: tStatus);
event eLedgerDecideResponse: (txId: int, status: tStatus);
// Every storage node has acknowledged the decision: the transaction is complete.
event eLedgerComplete: (coordinator: machine, txId: int);
// The records that are not complete and belong to another coordinator (the sweeper's scan).
event eLedgerScan: machine;
event eLedgerScanResponse: seq[tRecord];

// ---- Sweeper -> coordinator ----

// Recover the stalled transactions of other coordinators.
event eRecoverStalled;

// ---- Announced to the monitors ----

// The ledger created a transaction's record.
event eTxBegun: tRecord;
// The ledger changed a transaction's status.
event eTxStatus: (txId: int, status: tStatus);
// A storage node changed an item: a committed transaction's action (txId > 0) or a plain write
// (txId 0, action PUT or DELETE). `value` and `exists` are the item after the change.
event eItemWritten: (item: int, txId: int, ts: int, write: tWrite, value: int, exists: bool);
// A coordinator returned a TransactGetItems result read at these item timestamps.
event eSnapshotRead: (request: int, items: seq[int], ts: seq[int]);
// A coordinator crashed.
event eCoordinatorCrashed: machine;
