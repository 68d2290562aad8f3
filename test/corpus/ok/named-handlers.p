// Handlers given by the name of a machine function: entry, exit, `on E do F`, and one function
// serving several events with the same payload type.
event eCredit: int;
event eDebit: int;
event eAudit;
event eFreeze;

machine Ledger receives eCredit, eDebit, eAudit, eFreeze; {
    var balance: int;
    var audits: int;
    var moves: int;

    start state Active {
        entry Opened;
        on eCredit do Credit;
        on eDebit do Debit;
        on eAudit do Audit;
        on eFreeze goto Frozen;
        exit Closing;
    }

    state Frozen {
        on eAudit do Audit;
        ignore eCredit, eDebit, eFreeze;
    }

    fun Opened() {
        balance = 100;
    }

    fun Credit(amount: int) {
        balance = balance + amount;
        moves = moves + 1;
    }

    fun Debit(amount: int) {
        balance = balance - amount;
        moves = moves + 1;
    }

    fun Audit() {
        audits = audits + 1;
        assert balance >= 0, "the ledger is overdrawn";
    }

    fun Closing() {
        print format("closing after {0} moves", moves);
    }
}

machine Bookkeeper sends eCredit, eDebit, eAudit, eFreeze; {
    start state Start {
        entry {
            var l: Ledger;
            l = new Ledger();
            send l, eCredit, 5;
            send l, eDebit, 20;
            send l, eAudit;
            send l, eFreeze;
            send l, eCredit, 1;
            send l, eAudit;
        }
    }
}

test Books [main=Bookkeeper]: { Bookkeeper, Ledger };
