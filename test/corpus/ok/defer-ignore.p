// A printer that defers jobs while warming up and ignores status pings while printing.
event eWarm;
event eJob: string;
event ePing;
event eDone;

machine Printer receives eWarm, eJob, ePing; sends eDone; {
    var printed: seq[string];
    var owner: machine;

    start state Cold {
        entry (o: machine) {
            owner = o;
        }
        defer eJob;
        ignore ePing;
        on eWarm goto Ready;
    }

    state Ready {
        on eJob do (doc: string) {
            printed += (sizeof(printed), doc);
            if (sizeof(printed) == 2) {
                send owner, eDone;
            }
        }
        ignore ePing, eWarm;
    }
}

machine Office receives eDone; sends eWarm, eJob, ePing; {
    start state Start {
        entry {
            var p: Printer;
            p = new Printer(this);
            send p, eJob, "report";
            send p, ePing;
            send p, eJob, "invoice";
            send p, eWarm;
        }
        on eDone goto Finished;
    }

    state Finished {
    }
}

test Printing [main=Office]: { Office, Printer };
