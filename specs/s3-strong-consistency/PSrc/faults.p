// The environment's faults, within the failure allowance: at moments of the checker's choosing,
// up to witnessFaults witness failures (each witness restarts at once, recovering) and up to
// cacheFaults cache-partition failures. The injector may also stop for good at any point, so
// every run with fewer faults is explored too.
machine FaultInjector sends eWitnessFail, eCacheFail; {
    var witnesses: set[machine];
    var partitions: set[machine];
    var witnessFaults: int;
    var cacheFaults: int;

    start state Init {
        entry (config: (witnesses: set[machine], partitions: set[machine], witnessFaults: int, cacheFaults: int)) {
            witnesses = config.witnesses;
            partitions = config.partitions;
            witnessFaults = config.witnessFaults;
            cacheFaults = config.cacheFaults;
            goto Injecting;
        }
    }

    state Injecting {
        on null do {
            var victim: machine;
            if ((witnessFaults <= 0 && cacheFaults <= 0) || $) {
                goto Done;
            }
            if (witnessFaults > 0 && (cacheFaults <= 0 || $)) {
                victim = choose(witnesses);
                witnessFaults = witnessFaults - 1;
                announce eFaultInjected, victim;
                send victim, eWitnessFail;
            } else {
                victim = choose(partitions);
                partitions -= victim;
                cacheFaults = cacheFaults - 1;
                announce eFaultInjected, victim;
                send victim, eCacheFail;
            }
        }
    }

    state Done {
    }
}
