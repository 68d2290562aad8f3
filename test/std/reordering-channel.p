// A model that uses std:reordering-channel: a writer sends three versions of a value to a register
// over a link that may reorder them. With `versioned` the register keeps a write only when it is
// newer than what it holds; without, a late old version overwrites a newer one.
param versioned: bool;

event eWriteVersion: int;
// Announced by the register: the version it holds after a write.
event eHolds: int;

machine Register receives eWriteVersion; {
    var version: int;

    start state Serving {
        on eWriteVersion do (v: int) {
            if (versioned && v <= version) {
                return;
            }
            version = v;
            announce eHolds, version;
        }
    }
}

machine VersionWriter {
    start state Writing {
        entry {
            var link: ReorderingChannel;
            var v: int;
            link = new ReorderingChannel(new Register());
            while (v < 3) {
                v = v + 1;
                ReorderingSend(link, eWriteVersion, v);
            }
        }
    }
}

// Safety: the register never goes back to an older version.
spec NeverGoesBack observes eHolds {
    var latest: int;

    start state Watching {
        on eHolds do (v: int) {
            assert v > latest, format("the register went back from version {0} to {1}", latest, v);
            latest = v;
        }
    }
}

test param (versioned in [true, false]) Versions [main=VersionWriter]:
    assert NeverGoesBack in { VersionWriter, Register, ReorderingChannel };
