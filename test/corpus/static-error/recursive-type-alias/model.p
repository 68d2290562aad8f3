type tTree = (value: int, children: seq[tForest]);
type tForest = seq[tTree];

machine Gardener {
    var forest: tForest;

    start state S {
    }
}
