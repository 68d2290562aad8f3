// Two-phase commit for any number of participants: every participant votes; the coordinator commits
// when all have voted yes and aborts at the first no, telling every participant. Atomicity: no
// participant commits while another aborts.
event eVote: (source: Participant, yes: bool);
event eCommit;
event eAbort;

pure coordinator(): Coordinator;
pure participants(): set[Participant];
pure preference(p: Participant): bool;

init-condition forall (c: Coordinator) :: c == coordinator();
init-condition forall (p: Participant) :: p in participants();

machine Coordinator {
  var yesVotes: set[Participant];
  start state Collecting {
    on eVote do (v: (source: Participant, yes: bool)) {
      var p: Participant;
      assert v.source in participants(), "a vote from a stranger";
      if (!v.yes) {
        foreach (p in participants())
          invariant forall new (e: event) :: e is eAbort;
        {
          send p, eAbort;
        }
        goto Aborted;
      }
      yesVotes += (v.source);
      if (yesVotes == participants()) {
        foreach (p in participants())
          invariant forall new (e: event) :: e is eCommit;
        {
          send p, eCommit;
        }
        goto Committed;
      }
    }
  }
  state Committed { ignore eVote; }
  state Aborted { ignore eVote; }
}

machine Participant {
  start state Voting {
    entry {
      send coordinator(), eVote, (source = this, yes = preference(this));
      goto Undecided;
    }
  }
  state Undecided {
    on eCommit goto Committed;
    on eAbort goto Aborted;
  }
  state Committed { ignore eCommit, eAbort; }
  state Aborted { ignore eCommit, eAbort; }
}

Lemma wiring {
  invariant one_coordinator: forall (c: Coordinator) :: c == coordinator();
  invariant all_participants: forall (p: Participant) :: p in participants();
  invariant votes_to_coordinator: forall (v: eVote) :: v targets coordinator();
  invariant votes_from_participants: forall (v: eVote) :: v.source in participants();
}

Lemma decisions {
  invariant commit_decided: forall (e: eCommit) :: coordinator() is Committed;
  invariant abort_decided: forall (e: eAbort) :: coordinator() is Aborted;
  invariant committed_decided: forall (p: Participant) :: p is Committed ==> coordinator() is Committed;
  invariant aborted_decided: forall (p: Participant) :: p is Aborted ==> coordinator() is Aborted;
}

Theorem safety {
  invariant atomicity: forall (p1: Participant, p2: Participant) :: !(p1 is Committed && p2 is Aborted);
}

Proof {
  prove wiring;
  prove decisions using wiring;
  prove safety using decisions;
  prove default using wiring;
}
