// Verification declarations lowered alongside the machines.
event eVote: (source: Participant, yes: bool);
event eDecide: bool;
pure participants(): set[Participant];
pure coordinator(): Coordinator;
pure prefers(p: Participant): bool = true;
machine Coordinator {
  var yes: set[Participant];
  start state Collect {
    on eVote do (v: (source: Participant, yes: bool)) {
      var p: Participant;
      if (v.yes) { yes += (v.source); }
      if (yes == participants()) {
        foreach (p in participants())
          invariant forall new (e: event) :: e is eDecide;
        { send p, eDecide, true; }
        goto Decided;
      }
    }
  }
  state Decided { ignore eVote; }
}
machine Participant {
  start state Undecided {
    on eDecide goto Done with (d: bool) { assert d; }
  }
  state Done { ignore eDecide; }
}
init-condition forall (m: Participant) :: m in participants();
axiom sizeof(participants()) > 0;
invariant one: forall (c: Coordinator) :: c == coordinator();
Lemma votes {
  invariant valid: forall (e: eVote) :: inflight e ==> e.source in participants();
  invariant decided: forall (p: Participant) :: p is Done ==> coordinator() is Decided;
}
Proof {
  prove votes;
  prove one using votes;
}
