// `announce`: machines tell monitors about events that no machine receives.
event eSpent: (who: machine, amount: int);
event eBudgetSet: int;
event eReset;

machine Spender {
    start state Spending {
        entry {
            announce eBudgetSet, 10;
            announce eSpent, (who = this, amount = 4);
            announce eSpent, (who = this, amount = 6);
            announce eReset;
            announce eSpent, (who = this, amount = 1);
        }
    }
}

spec WithinBudget observes eSpent, eBudgetSet, eReset {
    var budget: int;
    var spent: int;

    start state Tracking {
        on eBudgetSet do (b: int) {
            budget = b;
        }
        on eSpent do (s: (who: machine, amount: int)) {
            spent = spent + s.amount;
            assert spent <= budget, format("spent {0} of a budget of {1}", spent, budget);
        }
        on eReset do {
            spent = 0;
        }
    }
}

test Budget [main=Spender]: assert WithinBudget in { Spender };
