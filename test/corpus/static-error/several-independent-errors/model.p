// Three machines, one mistake each: every machine is checked on its own, so all three are reported.
event ePut: (key: string, value: int);
event eGet: string;

machine Store receives ePut, eGet; {
    var data_: map[string, int];

    start state Serving {
        on ePut do (p: (key: string, value: int)) {
            data_[p.key] = p.key;
        }
        on eGet do (k: string) {
            print format("{0}", data_[k]);
        }
    }
}

machine Writer {
    start state Writing {
        entry (s: Store) {
            send s, ePut, ("k", 1);
        }
    }
}

machine Reader {
    start state Reading {
        entry (s: Store) {
            send s, eGet, 7;
        }
    }
}
