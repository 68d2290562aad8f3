// Both machines have a state called Done, so 'm is Done' on a plain machine is ambiguous.
machine Leader {
    start state Init {
        entry {
            goto Done;
        }
    }

    state Done {
    }
}

machine Follower {
    start state Init {
        entry {
            goto Done;
        }
    }

    state Done {
    }
}

invariant all_done: forall (m: machine) :: m is Done;
