// std:failure-injector — crashes some of a given set of machines, at moments of the checker's
// choosing, up to a budget of failures.
//
// Types and events:
//   tFailureInjectorConfig = (targets: set[machine], budget: int)
//                             the machines that may crash, and how many of them at most
//   eFailureInjected: machine announced to the monitors as the injector crashes a machine
//
// Usage:
//   new FailureInjector((targets = participants, budget = 1));
//
// `participants` may be any set of machine references (a set[Participant] is a set[machine]).
// Until its budget is spent, the injector may at any point crash one of the targets that is still
// running, chosen nondeterministically, or stop for good; so the checker explores the run with no
// failure, and a failure of each target at each point of the run.
//
// A crash is P's: the injector sends `halt` to the victim, which stops when it takes the halt from
// its inbox, after the events queued before it. Events sent to it afterwards are dropped. Loss of an
// event that was sent before the crash is the run in which the crash came first. A victim whose
// states handle `halt` does not crash: leave `halt` unhandled in the machines you give it. Monitors
// that must know who is down (to excuse a crashed machine from a liveness property, say) observe
// eFailureInjected.

type tFailureInjectorConfig = (targets: set[machine], budget: int);

event eFailureInjected: machine;

machine FailureInjector {
    var candidates: set[machine];
    var budget: int;

    start state Init {
        entry (config: tFailureInjectorConfig) {
            candidates = config.targets;
            budget = config.budget;
            goto Injecting;
        }
    }

    state Injecting {
        on null do {
            var victim: machine;
            if (budget <= 0 || sizeof(candidates) == 0 || $) {
                goto Done;
            }
            victim = choose(candidates);
            candidates -= victim;
            budget = budget - 1;
            announce eFailureInjected, victim;
            send victim, halt;
        }
    }

    state Done {
    }
}
