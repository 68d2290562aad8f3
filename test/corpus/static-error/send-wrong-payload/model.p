type tTransfer = (from: string, to_: string, amount: int);
event eTransfer: tTransfer;

machine Bank {
    start state Open {
        on eTransfer do (t: tTransfer) {
            print "transfer";
        }
    }
}

machine Teller {
    start state Start {
        entry {
            var bank: Bank;
            bank = new Bank();
            send bank, eTransfer, (from = "a", to_ = "b", amount = "ten");
        }
    }
}
