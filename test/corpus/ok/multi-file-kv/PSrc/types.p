// The messages of a sharded key-value store. Declarations are used across the model's files.
type tKey = string;
type tGet = (client: KvClient, key: tKey);
type tPut = (client: KvClient, key: tKey, value: int);
type tGetResp = (key: tKey, value: int, present: bool);

event eGet: tGet;
event ePut: tPut;
event eGetResp: tGetResp;
event ePutResp: tKey;
event eObservedPut: tPut;
event eObservedGet: tGetResp;

interface IShard() receives eGet, ePut;
