// Deadlock: a terminal state in which some machine waits in a `receive` is a deadlock. Asker waits
// for an answer that Answerer never sends (it ignores the question, so it drops it in a step of
// its own). If Asker waited in a state with a handler instead, the same end would be normal.
event eAsk;
event eAnswer;

machine Answerer receives eAsk; {
  start state Listening {
    ignore eAsk;
  }
}

machine Asker receives eAnswer; sends eAsk; {
  start state Asking {
    entry {
      var peer: Answerer;
      peer = new Answerer();
      send peer, eAsk;
      receive {
        case eAnswer: {}
      }
    }
  }
}

test AskAndWait [main=Asker]: { Asker, Answerer };
