// A monitor that observes an event set, and machines with empty `receives` and `sends` lists.
event eLogin: string;
event eLogout: string;
event eAction: string;

eventset SessionEvents = { eLogin, eLogout, eAction };

machine Audit receives; sends; {
    start state Run {
        entry {
            announce eLogin, "ann";
            announce eAction, "ann";
            announce eLogout, "ann";
        }
    }
}

spec ActionsInsideSessions observes SessionEvents {
    var active: set[string];

    start state Watching {
        on eLogin do (u: string) {
            active += (u);
        }
        on eLogout do (u: string) {
            active -= u;
        }
        on eAction do (u: string) {
            assert u in active, format("{0} acted outside a session", u);
        }
    }
}

test Sessions [main=Audit]: assert ActionsInsideSessions in { Audit };
