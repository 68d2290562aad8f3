machine A {
    start state S {
    }
}

module Left = union Right, { A };
module Right = union Left, { A };

test Loop [main=A]: Left;
