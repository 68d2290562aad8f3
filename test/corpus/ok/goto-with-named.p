// `on E goto S with F;` where F is a function of the machine taking the payload.
event eDeposit: int;
event eWithdraw: int;
event eClose;

machine Account receives eDeposit, eWithdraw, eClose; {
    var balance: int;
    var history: seq[int];

    start state Open {
        on eDeposit goto Open with Record;
        on eWithdraw goto Checking with Withdraw;
        on eClose goto Closed with Settle;
    }

    state Checking {
        entry {
            assert balance >= 0, format("balance went negative: {0}", balance);
            goto Open;
        }
    }

    state Closed {
        ignore eDeposit, eWithdraw, eClose;
    }

    fun Record(amount: int) {
        balance = balance + amount;
        history += (sizeof(history), amount);
    }

    fun Withdraw(amount: int) {
        if (amount <= balance) {
            balance = balance - amount;
            history += (sizeof(history), -amount);
        }
    }

    fun Settle() {
        history += (sizeof(history), -balance);
        balance = 0;
    }
}

machine Owner sends eDeposit, eWithdraw, eClose; {
    start state Start {
        entry {
            var a: Account;
            a = new Account();
            send a, eDeposit, 10;
            send a, eWithdraw, 25;
            send a, eWithdraw, 5;
            send a, eClose;
        }
    }
}

test Banking [main=Owner]: { Owner, Account };
