// Clients and a key-value server.
//
// A client sends requests one at a time and waits for each response: a PUT writes a value under a
// key, a GET reads the value under a key (0 for a key never written). The server acknowledges a PUT
// as soon as the write is in its write buffer, and moves buffered writes into its store in the
// background. A response names the client and the request it answers, so that a client with a
// request outstanding can check that the response is for it.

enum tKvOp { KV_GET, KV_PUT }

// `value` is the value to write for a PUT, and unused for a GET.
type tKvRequest = (client: KvClient, requestId: int, op: tKvOp, key: int, value: int);
// `value` is the value read for a GET, and the value written for a PUT.
type tKvResponse = (client: KvClient, requestId: int, value: int);

// Client to server.
event eKvRequest: tKvRequest;
// Server to client.
event eKvResponse: tKvResponse;
// Server to itself: move the buffered write of this key into the store.
event eKvFlush: int;
