// Helper invariants that make mutual exclusion inductive for the lock server. Together they say
// that the lock is a single token: it is with the server (Free), in a grant on its way to a waiting
// client, with a holding client (whose note to itself is in flight), or in a release on its way
// back, and in one of these places only.
invariant one_server: forall (s: Server) :: s == server();
invariant acquire_to_server: forall (a: eAcquire) :: a targets server();
invariant release_to_server: forall (r: eRelease) :: r targets server();
invariant acquire_from_waiting: forall (a: eAcquire) :: inflight a ==> a.client is Waiting;
invariant one_acquire: forall (a1: eAcquire, a2: eAcquire) :: inflight a1 && inflight a2 && a1.client == a2.client ==> a1 == a2;
invariant acquire_not_granted: forall (a: eAcquire, g: eGrant) :: inflight a && inflight g ==> !(g targets a.client);
invariant grant_to_waiting: forall (g: eGrant, c: Client) :: inflight g && g targets c ==> c is Waiting;
invariant leave_to_holding: forall (l: eLeave, c: Client) :: inflight l && l targets c ==> c is Holding;
invariant taken_when_granted: forall (g: eGrant) :: inflight g ==> server() is Taken;
invariant taken_when_holding: forall (c: Client) :: c is Holding ==> server() is Taken;
invariant taken_when_released: forall (r: eRelease) :: inflight r ==> server() is Taken;
invariant one_grant: forall (g1: eGrant, g2: eGrant) :: inflight g1 && inflight g2 ==> g1 == g2;
invariant one_release: forall (r1: eRelease, r2: eRelease) :: inflight r1 && inflight r2 ==> r1 == r2;
invariant one_leave: forall (l1: eLeave, l2: eLeave) :: inflight l1 && inflight l2 ==> l1 == l2;
invariant grant_not_holding: forall (g: eGrant, c: Client) :: inflight g ==> !(c is Holding);
invariant release_not_holding: forall (r: eRelease, c: Client) :: inflight r ==> !(c is Holding);
invariant release_not_granted: forall (r: eRelease, g: eGrant) :: inflight r ==> !inflight g;
