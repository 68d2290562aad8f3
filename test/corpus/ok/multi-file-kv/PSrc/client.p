// A client routes each key to a shard by its length, puts it, then gets it back.
fun ShardOf(key: tKey, n: int): int {
    return SizeOfKey(key) % n;
}

fun SizeOfKey(key: tKey): int {
    if (key == "") {
        return 0;
    }
    if (key == "a" || key == "b") {
        return 1;
    }
    return 2;
}

machine KvClient receives eGetResp, ePutResp; sends eGet, ePut; {
    var shards: seq[IShard];
    var pending: set[tKey];

    start state Init {
        entry (s: seq[IShard]) {
            var k: tKey;
            var keys2: seq[tKey];
            shards = s;
            keys2 += (0, "a");
            keys2 += (1, "bc");
            foreach (k in keys2) {
                send shards[ShardOf(k, sizeof(shards))], ePut, (client = this, key = k, value = 1);
                pending += (k);
            }
            goto Writing;
        }
    }

    state Writing {
        on ePutResp do (k: tKey) {
            pending -= k;
            send shards[ShardOf(k, sizeof(shards))], eGet, (client = this, key = k);
            if (sizeof(pending) == 0) {
                goto Reading;
            }
        }
        defer eGetResp;
    }

    state Reading {
        on eGetResp do (r: tGetResp) {
            assert r.present, format("{0} was written but not found", r.key);
        }
    }
}
