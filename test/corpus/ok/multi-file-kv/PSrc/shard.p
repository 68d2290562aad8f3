// One shard: it stores the keys routed to it.
machine Shard receives eGet, ePut; sends eGetResp, ePutResp; {
    var entries: map[tKey, int];

    start state Serving {
        on eGet do (g: tGet) {
            var resp: tGetResp;
            resp.key = g.key;
            if (g.key in entries) {
                resp.value = entries[g.key];
                resp.present = true;
            }
            announce eObservedGet, resp;
            send g.client, eGetResp, resp;
        }
        on ePut do (p: tPut) {
            entries[p.key] = p.value;
            announce eObservedPut, p;
            send p.client, ePutResp, p.key;
        }
    }
}
