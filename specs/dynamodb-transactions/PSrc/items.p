// What an action does to an item: the global functions that the storage nodes use to check
// conditions and compute the value a write transaction installs, and that the monitors use to
// replay the writes on their own copy of the items.

// Does the item (its value and whether it exists) satisfy the action's condition?
fun ConditionHolds(w: tWrite, value: int, exists: bool): bool {
    if (w.condition == ITEM_EXISTS) {
        return exists;
    }
    if (w.condition == ITEM_NOT_EXISTS) {
        return !exists;
    }
    if (w.condition == VALUE_IS) {
        return exists && value == w.expected;
    }
    return true;
}

// The item after the action. An absent item counts as 0 for ADD; a deleted item keeps no value.
fun Applied(w: tWrite, value: int, exists: bool): tItemValue {
    if (w.action == PUT) {
        return (item = w.item, value = w.value, exists = true);
    }
    if (w.action == ADD) {
        if (!exists) {
            return (item = w.item, value = w.value, exists = true);
        }
        return (item = w.item, value = value + w.value, exists = true);
    }
    if (w.action == DELETE) {
        return (item = w.item, value = 0, exists = false);
    }
    return (item = w.item, value = value, exists = exists);
}

// The storage node of an item: items are spread over the nodes by their number.
fun NodeOf(nodes: seq[machine], item: int): machine {
    return nodes[item % sizeof(nodes)];
}
