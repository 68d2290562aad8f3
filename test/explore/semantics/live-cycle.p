// Liveness on cycles under weak fairness per machine. Spinner sends itself eSpin forever, so no run
// ends. Main asks Responder a question, which makes Answered hot until the answer is sent.
// - answers = true: the only cycle on which Answered stays hot is Spinner spinning while Responder
//   holds the question and never moves. That cycle is unfair (Responder can move all along and
//   never does), so it is not a violation.
// - answers = false: Responder takes the question and drops it; then Spinner spinning alone is a
//   fair cycle on which Answered stays hot, reported with the steps that repeat.
param answers: bool;
event eSpin;
event eQuestion: Main;
event eAnswer;

machine Spinner {
  start state Spinning {
    entry { send this, eSpin; }
    on eSpin do { send this, eSpin; }
  }
}

machine Responder {
  start state Serving {
    on eQuestion do (m: Main) {
      if (answers) { send m, eAnswer; }
    }
  }
}

machine Main {
  start state Init {
    entry {
      var r: Responder;
      new Spinner();
      r = new Responder();
      send r, eQuestion, this;
    }
    on eAnswer do {}
  }
}

spec Answered observes eQuestion, eAnswer {
  start cold state Idle {
    on eQuestion goto Waiting;
  }
  hot state Waiting {
    on eAnswer goto Idle;
  }
}

test param (answers in [true, false]) Spinning [main=Main]: assert Answered in { Main, Spinner, Responder };
