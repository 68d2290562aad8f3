// Type aliases over every kind of type, used by a small inventory machine.
type tSku = string;
type tCount = int;
type tPrice = float;
type tItem = (sku: tSku, count: tCount, price: tPrice);
type tStock = map[tSku, tItem];
type tLedger = seq[(tSku, int)];
type tSkus = set[tSku];
type tPair = (int, bool);
type tAnything = any;
type tPlain = data;
type tEvent = event;
type tRef = machine;

event eRestock: tItem;
event eSell: (sku: tSku, count: tCount);

machine Inventory receives eRestock, eSell; {
    var stock: tStock;
    var ledger: tLedger;
    var known: tSkus;
    var lastPair: tPair;
    var boxed: tAnything;
    var plain: tPlain;
    var lastEvent: tEvent;
    var self: tRef;

    start state Open {
        entry {
            self = this;
            lastEvent = eRestock;
        }
        on eRestock do (item: tItem) {
            if (item.sku in stock) {
                stock[item.sku].count = stock[item.sku].count + item.count;
            } else {
                stock[item.sku] = item;
            }
            known += (item.sku);
            ledger += (sizeof(ledger), (item.sku, item.count));
            lastPair = (item.count, true);
            boxed = item;
            plain = item.sku;
        }
        on eSell do (sale: (sku: tSku, count: tCount)) {
            assert sale.sku in stock, "selling an unknown item";
            assert stock[sale.sku].count >= sale.count, "selling more than is in stock";
            stock[sale.sku].count = stock[sale.sku].count - sale.count;
            ledger += (sizeof(ledger), (sale.sku, -sale.count));
            lastPair = (sale.count, false);
            lastEvent = eSell;
        }
    }
}

machine Shop {
    start state Start {
        entry {
            var inv: Inventory;
            inv = new Inventory();
            send inv, eRestock, (sku = "apple", count = 3, price = 0.5);
            send inv, eSell, (sku = "apple", count = 2);
        }
    }
}

test Stocked [main=Shop]: { Shop, Inventory };
