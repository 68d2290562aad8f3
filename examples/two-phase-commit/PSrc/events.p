// Two-phase commit: the messages between a client, the coordinator and the participants.
//
// Phase one: the coordinator asks every participant to prepare a transaction and each one votes.
// Phase two: if every vote is yes the coordinator commits, otherwise it aborts, and it tells every
// participant and the client. The protocol is atomic when no participant commits a transaction
// that another one aborted.

enum tVote { VOTE_COMMIT, VOTE_ABORT }
enum tOutcome { COMMITTED, ABORTED }

type tTransaction = (client: Client, id: int);
type tPrepare = (coordinator: Coordinator, id: int);
type tVoteMsg = (participant: Participant, id: int, vote: tVote);
type tDecision = (id: int, outcome: tOutcome);

// Client to coordinator: run this transaction.
event eTransaction: tTransaction;
// Coordinator to participants: can you commit transaction id?
event ePrepare: tPrepare;
// Participant to coordinator: the vote.
event eVote: tVoteMsg;
// Coordinator to participants and client: the outcome.
event eDecision: tDecision;
// Participant, announced to the specs: what it applied locally.
event eApplied: (participant: Participant, id: int, outcome: tOutcome);
