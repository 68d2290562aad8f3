// Two-phase commit: the messages between a client, the coordinator and the participants.
//
// Phase one: the coordinator asks every participant to prepare a transaction and each one votes.
// A participant that votes no aborts the transaction at once; one that votes yes is prepared and
// must wait for the outcome. Phase two: if every vote is yes the coordinator commits, otherwise it
// aborts, and it tells the client and every participant that may be prepared. A participant may
// crash, so the coordinator does not wait for votes forever: when its timer fires first it aborts.
// The protocol is atomic when no participant commits a transaction that another one aborted.

enum tVote { VOTE_COMMIT, VOTE_ABORT }
enum tOutcome { COMMIT, ABORT }

type tTransaction = (client: Client, id: int);
// The coordinator is a plain machine reference, so that another coordinator can stand in for it
// (see bugs/).
type tPrepare = (coordinator: machine, id: int);
type tVoteMsg = (participant: Participant, id: int, vote: tVote);
type tDecision = (id: int, outcome: tOutcome);

// Client to coordinator: run this transaction.
event eTransaction: tTransaction;
// Coordinator to participants: can you commit transaction id?
event ePrepare: tPrepare;
// Participant to coordinator: the vote.
event eVote: tVoteMsg;
// Coordinator to participants: the outcome.
event eDecision: tDecision;
// Coordinator to client: the outcome.
event eTransactionResult: tDecision;
// Participant, announced to the specs: the decision it applied to a transaction it prepared.
event eApplied: (participant: Participant, id: int, outcome: tOutcome);
