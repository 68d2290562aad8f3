// Existential and universal quantifiers over machine and event types in invariants, with a
// generic `machine` binder, together with pure helper functions.
event eToken: (holder: Holder, epoch: int);

pure maxEpoch(): int;
pure validEpoch(e: int): bool = e >= 0 && e <= maxEpoch();

machine Holder receives eToken; sends eToken; {
    var hasToken: bool;
    var epoch: int;
    var next: Holder;

    start state Idle {
        on eToken do (t: (holder: Holder, epoch: int)) {
            hasToken = true;
            epoch = t.epoch;
            goto Holding;
        }
    }

    state Holding {
        entry {
            hasToken = false;
            send next, eToken, (holder = next, epoch = epoch + 1);
            goto Idle;
        }
    }
}

invariant at_most_one_token: forall (a: Holder, b: Holder) :: a.hasToken && b.hasToken ==> a == b;
invariant token_somewhere: (exists (h: Holder) :: h.hasToken) || (exists (e: eToken) :: inflight e);
invariant token_exclusive: forall (e: eToken, h: Holder) :: inflight e ==> !h.hasToken;
invariant epochs_valid: forall (e: eToken) :: sent e ==> validEpoch(e.epoch);
invariant tokens_addressed: forall (e: eToken) :: inflight e ==> e targets e.holder;
invariant only_holders: forall (m: machine, e: event) :: e targets m && e is eToken ==> m is Holder;
