// Loop invariants for proofs: plain conditions, quantified ones, and `forall new` over the messages
// sent by the loop so far.
event eNotify: (index: int);

machine Broadcaster sends eNotify; {
    var listeners: seq[machine];
    var notified: int;

    start state Broadcasting {
        entry (ls: seq[machine]) {
            var i: int;
            var l: machine;
            listeners = ls;
            while (i < sizeof(listeners))
                invariant i >= 0 && i <= sizeof(listeners);
                invariant notified == i;
                invariant forall new (e: eNotify) :: e.index < i;
            {
                send listeners[i], eNotify, (index = i,);
                notified = notified + 1;
                i = i + 1;
            }
            notified = 0;
            foreach (l in listeners)
                invariant notified >= 0;
                invariant forall new (e: event) :: e is eNotify;
            {
                send l, eNotify, (index = -1,);
                notified = notified + 1;
            }
        }
    }
}
