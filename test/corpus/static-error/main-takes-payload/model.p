// The main machine is created by the test with no payload, so its start entry cannot take one.
machine Worker {
  var id: int;
  start state Init { entry (n: int) { id = n; } }
}
test tcWorker [main=Worker]: { Worker };
