event eNote: int;

invariant notes: forall new (e: eNote) :: e is eNote;
