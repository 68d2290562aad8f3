// The two-participant system with the hasty coordinator standing in for the coordinator.
test CommitOnTimeout [main=TestDriver]:
    assert Atomicity, EventuallyDecided in (union { HastyCoordinator -> Coordinator }, { Participant, Client, VoteTimer, TestDriver });
