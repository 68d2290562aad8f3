// `new` as a statement and as an expression, with no payload, one value, and several values.
event eHello: machine;

machine Greeter receives eHello; {
    start state Greeting {
        on eHello do (from: machine) {
            assert from != null;
        }
    }
}

machine Named receives eHello; {
    var name: string;
    var rank: int;

    start state Init {
        entry (info: (string, int)) {
            name = info.0;
            rank = info.1;
        }
        ignore eHello;
    }
}

machine Single {
    var value: int;

    start state Init {
        entry (v: int) {
            value = v;
        }
    }
}

machine Factory sends eHello; {
    var made: seq[machine];

    start state Make {
        entry {
            var g: Greeter;
            new Greeter();
            new Single(1);
            new Named("first", 1);
            g = new Greeter();
            made += (0, g);
            made += (1, new Named("second", 2));
            made += (2, new Single(2));
            send g, eHello, this;
            send made[1], eHello, new Single(3);
        }
    }
}

test Factories [main=Factory]: { Factory, Greeter, Named, Single };
