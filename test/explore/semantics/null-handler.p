// `on null`: a state with a null handler runs it whenever no event can be taken from its inbox, so
// a machine that expects an event may leave its state before the event arrives. Here Waiter's null
// handler can run before Main's eData is sent; Done does not handle eData, which is then an
// unhandled event. An event in the inbox is taken before the null handler (the other order).
event eData: int;

machine Waiter {
  var got: int;
  start state Waiting {
    on eData do (v: int) { got = v; }
    on null goto Done;
  }
  state Done {}
}

machine Main {
  start state Init {
    entry {
      var w: Waiter;
      w = new Waiter();
      send w, eData, 1;
    }
  }
}

test NullFirst [main=Main]: { Main, Waiter };
