// Crashes nodes of the chain, at moments of the checker's choosing, up to a budget, and reports
// each crash to the master (a perfect failure detector). The crash is P's: the node halts when it
// takes the halt from its inbox, after the events queued before it; whatever is sent to it later,
// the master's reconfiguration and the clients' requests included, is dropped.
//
// With restarts (a budget of them), a crash is instead the node's eCrash, after which it keeps
// only its log, and the injector may later restart a crashed node (eRestart, naming the master the
// node asks to join the chain again). A restarted node is not crashed again.
//
// std:failure-injector crashes machines the same way; this one also tells the master.
machine CrashInjector sends eCrashed, eCrash, eRestart; {
    var candidates: set[machine];
    var budget: int;
    var master: machine;
    // Restarts left, and the crashed nodes that may be restarted.
    var restarts: int;
    var down: set[machine];

    start state Init {
        entry (config: (targets: set[machine], budget: int, master: machine, restarts: int)) {
            candidates = config.targets;
            budget = config.budget;
            master = config.master;
            restarts = config.restarts;
            goto Injecting;
        }
    }

    state Injecting {
        on null do {
            var victim: machine;
            if (restarts > 0 && sizeof(down) > 0 && $) {
                Restart();
                return;
            }
            if (budget <= 0 || $) {
                goto Done;
            }
            victim = choose(candidates);
            candidates -= victim;
            budget = budget - 1;
            announce eNodeCrashed, victim;
            if (restarts > 0) {
                send victim, eCrash;
                down += (victim);
            } else {
                send victim, halt;
            }
            send master, eCrashed, victim;
        }
    }

    state Done {
    }

    fun Restart() {
        var node: machine;
        node = choose(down);
        down -= node;
        restarts = restarts - 1;
        send node, eRestart, master;
    }
}
