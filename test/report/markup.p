// A violation whose message and state hold markup, for the HTML viewer's tests: none of it may be
// read as HTML or end the page's script early.
event eNote: string;

machine Writer {
  var last: string;
  start state Init {
    entry {
      send this, eNote, "</script><script>document.title = 'injected'</script>";
    }
    on eNote do (text: string) {
      last = text;
      assert false, format("cannot keep <{0}> & more", text);
    }
  }
}

test tcMarkup [main=Writer]: { Writer };
