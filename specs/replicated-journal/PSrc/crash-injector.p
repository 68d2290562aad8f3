// Crashes nodes of the chain, at moments of the checker's choosing, up to a budget, and reports
// each crash to the master (a perfect failure detector). The crash is P's: the node halts when it
// takes the halt from its inbox, after the events queued before it; whatever is sent to it later,
// the master's reconfiguration and the clients' requests included, is dropped.
//
// std:failure-injector crashes machines the same way; this one also tells the master.
machine CrashInjector sends eCrashed; {
    var candidates: set[machine];
    var budget: int;
    var master: machine;

    start state Init {
        entry (config: (targets: set[machine], budget: int, master: machine)) {
            candidates = config.targets;
            budget = config.budget;
            master = config.master;
            goto Injecting;
        }
    }

    state Injecting {
        on null do {
            var victim: machine;
            if (budget <= 0 || $) {
                goto Done;
            }
            victim = choose(candidates);
            candidates -= victim;
            budget = budget - 1;
            announce eNodeCrashed, victim;
            send victim, halt;
            send master, eCrashed, victim;
        }
    }

    state Done {
    }
}
