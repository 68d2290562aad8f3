// A vending machine: coins accumulate until an item is selected; it refuses selections it cannot
// pay for and returns change.
enum Product { WATER = 100, COFFEE = 150, TEA = 120 }

event eInsert: int;
event eSelect: Product;
event eDispense: (product: Product, change: int);
event eInsufficient: int;

machine Vending receives eInsert, eSelect; sends eDispense, eInsufficient; {
    var credit: int;
    var customer: machine;
    var stock: map[Product, int];

    start state Ready {
        entry (c: machine) {
            customer = c;
            stock[WATER] = 1;
            stock[COFFEE] = 0;
            stock[TEA] = 2;
            goto Waiting;
        }
    }

    state Waiting {
        on eInsert do (cents: int) {
            assert cents > 0, "coins have value";
            credit = credit + cents;
        }
        on eSelect do (p: Product) {
            var price: int;
            price = p to int;
            if (stock[p] == 0 || credit < price) {
                send customer, eInsufficient, price - credit;
                return;
            }
            stock[p] = stock[p] - 1;
            send customer, eDispense, (product = p, change = credit - price);
            credit = 0;
        }
    }
}

machine Customer receives eDispense, eInsufficient; sends eInsert, eSelect; {
    start state Buying {
        entry {
            var v: Vending;
            v = new Vending(this);
            send v, eInsert, 100;
            send v, eSelect, TEA;
            send v, eInsert, 50;
            send v, eSelect, TEA;
        }
        on eInsufficient do (missing: int) {
            assert missing > 0;
        }
        on eDispense do (d: (product: Product, change: int)) {
            assert d.change >= 0, format("negative change for {0}", d.product);
        }
    }
}

test Snacks [main=Customer]: { Customer, Vending };
