// Liveness, hot at the end: a monitor in a hot state when no machine can move is a violation.
// Service takes the request and never answers, so Answered stays hot.
event eRequest;
event eResponse;

machine Service {
  start state Serving {
    on eRequest do {}
  }
}

machine Client {
  start state Init {
    entry {
      var s: Service;
      s = new Service();
      send s, eRequest;
    }
  }
}

spec Answered observes eRequest, eResponse {
  start cold state Idle {
    on eRequest goto Waiting;
  }
  hot state Waiting {
    on eResponse goto Idle;
  }
}

test NeverAnswered [main=Client]: assert Answered in { Client, Service };
