import { describe, expect, it } from "vitest";
import { codes, messages } from "./helpers.ts";

describe("assignments and collection updates", () => {
  it("assigns only to variables, fields and elements of variables", () => {
    expect(
      messages(`
        enum E { E1 }
        event ePing;
        param n: int;
        type tPair = (a: int, b: seq[int]);
        machine M {
          var p: tPair;
          start state S {
            entry {
              p.a = 1; p.b[0] = 2; p = (a = 1, b = default(seq[int]));
              E1 = E1;
              ePing = ePing;
              n = 2;
              p.a = "x";
            }
          }
        }
      `),
    ).toEqual([
      "3021@10:7 Cannot assign to 'E1': it is an enum element, not a variable.",
      "3021@11:7 Cannot assign to 'ePing': it is an event, not a variable.",
      "3021@12:7 Cannot assign to 'n': it is a param, not a variable.",
      "3001@13:13 Type mismatch: expected int but found string.",
    ]);
  });

  it("inserts (index, value) into seqs, (key, value) into maps and (value) into sets", () => {
    expect(
      messages(`
        fun F(s: seq[string], m: map[int, bool], t: set[int], i: int) {
          s += (0, "a"); m += (1, true); t += (3);
          s -= 0; m -= 1; t -= 3;
          s += ("a");
          m += (1);
          t += (1, 2);
          s += ("0", "a");
          m -= true;
          i += (1);
          i -= 1;
        }
      `),
    ).toEqual([
      "3022@4:3 '+=' on seq[string] takes (index, value).",
      "3022@5:3 '+=' on map[int, bool] takes (key, value).",
      "3001@5:9 Type mismatch: expected bool but found int.",
      "3022@6:3 '+=' on set[int] takes (value).",
      "3001@7:9 Type mismatch: expected int but found string.",
      "3001@8:8 Type mismatch: expected int but found bool.",
      "3010@9:3 '+=' requires a seq, set or map but found int.",
      "3010@10:3 '-=' requires a seq, set or map but found int.",
    ]);
  });
});

describe("control flow", () => {
  it("wants bool conditions and string messages", () => {
    expect(
      codes(`
        fun F(i: int) {
          if (i) { } else { }
          while (i) { }
          assert i > 0, "positive";
          assert i;
          assert true, i;
          print i;
        }
      `),
    ).toEqual(["3001@2:7", "3001@3:10", "3001@5:10", "3001@6:16", "3001@7:9"]);
  });

  it("checks return values against the return type", () => {
    expect(
      messages(`
        fun A(): int { return 1; }
        fun B(): int { return; }
        fun C() { return 1; }
        fun D(): seq[int] { return default(seq[bool]); }
        machine M { start state S { entry { return; } on null do { return 1; } } }
      `),
    ).toEqual([
      "3023@2:16 Function 'B' must return a value of type int.",
      "3024@3:18 Function 'C' does not return a value.",
      "3001@4:28 Type mismatch: expected seq[int] but found seq[bool].",
      "3024@5:67 Function 'S.on null' does not return a value.",
    ]);
  });

  it("allows break and continue only in loops", () => {
    expect(
      codes(`
        fun F(s: seq[int]) {
          var x: int;
          while (true) { if (true) { break; } continue; }
          foreach (x in s) { break; }
          break;
          continue;
        }
      `),
    ).toEqual(["3025@5:3", "3025@6:3"]);
  });

  it("iterates with a declared variable that accepts the elements", () => {
    expect(
      messages(`
        enum E { E1 }
        fun F(s: seq[int], m: map[string, bool], t: set[int]) {
          var i: int; var k: string;
          foreach (i in s) { }
          foreach (k in m) { }
          foreach (i in t) { }
          foreach (k in s) { }
          foreach (j in s) { }
          foreach (E1 in s) { }
          foreach (i in 3) { }
        }
      `),
    ).toEqual([
      "3001@7:12 Type mismatch: expected string but found int.",
      "2001@8:12 Unknown variable 'j'.",
      "3021@9:12 Cannot assign to 'E1': it is an enum element, not a variable.",
      "3010@10:17 'foreach' requires a seq, set or map but found int.",
    ]);
  });
});

describe("events and payloads", () => {
  it("checks the payload of raise, send and announce against the event's payload type", () => {
    expect(
      messages(`
        event ePing;
        event eReq: (id: int, who: machine);
        event eNum: int;
        machine M {
          start state S {
            entry {
              var e: event;
              send this, eReq, (id = 1, who = this);
              send this, eNum, 1;
              send this, ePing, 1;
              send this, eReq;
              raise eNum, "one";
              announce eNum, 1, 2;
              e = eNum;
              send this, e, 1, 2;
              send 3, ePing;
              send this, 3;
              raise null;
              raise halt;
              raise halt, 1;
            }
            ignore ePing, eReq, eNum;
          }
        }
      `),
    ).toEqual([
      "3028@10:25 Event 'ePing' takes no payload, but one was given.",
      "3029@11:18 Event 'eReq' expects a payload of type (id: int, who: machine), but none was given.",
      "3030@12:19 Event 'eNum' expects a payload of type int but found string.",
      "3030@13:22 Event 'eNum' expects a payload of type int but found (int, int).",
      "3001@16:12 Type mismatch: expected machine but found int.",
      "3001@17:18 Type mismatch: expected event but found int.",
      "3026@18:13 The null event cannot be raised.",
      "3028@20:19 Event 'halt' takes no payload, but one was given.",
    ]);
  });

  it("checks goto against the target state's entry parameter", () => {
    expect(
      messages(`
        fun G() { goto S; }
        machine M {
          start state S { entry { goto T, 1; goto T; goto T, "x"; goto U, 1; goto Nowhere; } }
          state T { entry (n: int) { } }
          state U { }
        }
      `),
    ).toEqual([
      "3027@1:11 'goto' is only allowed in the code of a machine.",
      "3029@3:43 State 'T' expects a payload of type int, but none was given.",
      "3030@3:54 State 'T' expects a payload of type int but found string.",
      "3028@3:67 State 'U' takes no payload, but one was given.",
      "2001@3:75 Unknown state 'Nowhere'.",
    ]);
  });

  it("checks receive cases against the payloads they receive", () => {
    expect(
      messages(`
        event eA: int;
        event eB;
        event eC: string;
        fun F() {
          receive {
            case eA: (n: int) { }
            case eB, eC: { }
          }
          receive {
            case eA, eC: (n: int) { }
            case eB: (x: bool) { }
            case eA: { }
          }
        }
      `),
    ).toEqual([
      "3031@10:19 The handler expects a payload of type int, but event 'eC' carries string.",
      "3032@11:15 The handler expects a payload of type bool, but event 'eB' carries none.",
      "3033@12:10 Event 'eA' appears in more than one case of this receive.",
    ]);
  });

  it("checks sends against the sends list and the target's receives list", () => {
    expect(
      messages(`
        event eA;
        event eB;
        interface IOnlyA() receives eA;
        machine OnlyA receives eA; { start state S { ignore eA; } }
        machine Sender sends eA; {
          start state S {
            entry {
              var i: IOnlyA; var o: OnlyA;
              send i, eA;
              send o, eA;
              send i, eB;
              send o, eB;
            }
          }
        }
      `),
    ).toEqual([
      "3044@11:15 Machine 'Sender' sends event 'eB', which is not in its 'sends' list.",
      "3045@11:15 'IOnlyA' does not receive event 'eB'.",
      "3044@12:15 Machine 'Sender' sends event 'eB', which is not in its 'sends' list.",
      "3045@12:15 'OnlyA' does not receive event 'eB'.",
    ]);
  });
});
