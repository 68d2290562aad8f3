// An `implementation` declaration: the closed module that an implementation runs, with its main
// machine given in the declaration or by `main ... in`.
event eGreet: string;

machine Greeter receives eGreet; {
    var greetings: int;

    start state Listening {
        on eGreet do (who: string) {
            greetings = greetings + 1;
            print format("hello, {0}", who);
        }
    }
}

machine App sends eGreet; {
    start state Start {
        entry {
            var g: Greeter;
            g = new Greeter();
            send g, eGreet, "world";
        }
    }
}

module AppModule = { App, Greeter };

implementation Production [main=App]: AppModule;
implementation Staging: main App in AppModule;
test Smoke [main=App]: AppModule;
