import { describe, expect, it } from "vitest";
import { codes, codesInFiles, messages } from "./helpers.ts";

describe("states", () => {
  it("requires exactly one start state", () => {
    expect(
      codesInFiles({
        "m.p": `
          machine None { state A { } }
          machine Two { start state A { } start state B { } }
          spec Mon observes eX { state A { } }
          event eX;
        `,
      }),
    ).toEqual(["3036@m.p:1:9", "3037@m.p:2:45 note@m.p:2:27", "3036@m.p:3:6"]);
  });

  it("allows hot and cold only in specs", () => {
    expect(
      messages(`
        event eX;
        machine M { start hot state A { } cold state B { } }
        spec S observes eX { start cold state A { on eX goto B; } hot state B { ignore eX; } }
      `),
    ).toEqual(["3038@2:29 Only states of a spec can be 'hot'.", "3038@2:46 Only states of a spec can be 'cold'."]);
  });

  it("allows one entry and one exit function per state; exits take no parameter", () => {
    expect(
      messages(`
        machine M {
          start state A {
            entry { }
            entry { }
            exit (x: int) { }
            exit { }
          }
          state B { exit Done; }
          fun Done(x: int) { }
        }
      `),
    ).toEqual([
      "3040@4:5 State 'A' has more than one entry function.",
      "3035@5:11 An exit function takes no parameters.",
      "3040@6:5 State 'A' has more than one exit function.",
      "3035@8:18 An exit function takes no parameters.",
    ]);
  });

  it("disposes of each event once per state", () => {
    expect(
      codesInFiles({
        "m.p": `
          event e1;
          event e2;
          event e3;
          eventset es = { e2, e3 };
          machine M {
            start state A {
              on e1 do { }
              defer e2;
              ignore e1, e3;
              on es goto B;
              on e1 goto B;
            }
            state B { ignore es; on null do { } on halt do { } }
          }
        `,
      }),
    ).toEqual([
      "3039@m.p:9:12 note@m.p:7:8",
      "3039@m.p:10:8 note@m.p:8:11",
      "3039@m.p:10:8 note@m.p:9:16",
      "3039@m.p:11:8 note@m.p:7:8",
    ]);
  });
});

describe("handlers", () => {
  it("takes at most one parameter, which must accept the payload", () => {
    expect(
      messages(`
        event eInt: int;
        event eNone;
        event eReq: (id: int, who: machine);
        machine M {
          start state A {
            entry (a: int, b: int) { }
            on eInt do (x: int, y: int) { }
            on eNone do (x: int) { }
            on eReq do (r: (id: int, who: M)) { }
          }
          state B {
            on eInt, eReq do (x: any) { }
            on eNone do { }
          }
        }
      `),
    ).toEqual([
      "3034@6:20 A handler takes at most one parameter (the payload), but this one takes 2.",
      "3034@7:25 A handler takes at most one parameter (the payload), but this one takes 2.",
      "3032@8:18 The handler expects a payload of type int, but event 'eNone' carries none.",
      "3031@9:17 The handler expects a payload of type (id: int, who: M), but event 'eReq' carries (id: int, who: machine).",
    ]);
  });

  it("resolves named handlers in the machine, then globally", () => {
    expect(
      messages(`
        event eInt: int;
        fun Global(n: int) { }
        fun TwoParams(a: int, b: int) { }
        machine M {
          start state A {
            entry Own;
            on eInt do Global;
            on eInt goto B with Own;
          }
          state B { entry TwoParams; on null do Missing; }
          fun Own(s: string) { }
        }
      `),
    ).toEqual([
      "3039@8:8 Event 'eInt' is already handled in state 'A'.",
      "3041@10:19 Function 'TwoParams' takes 2 parameters, but a handler takes at most one (the payload).",
      "2001@10:41 Unknown function 'Missing'.",
    ]);
  });

  it("checks that a transition's target state accepts the event's payload", () => {
    expect(
      messages(`
        event eInt: int;
        event eNone;
        event eStr: string;
        machine M {
          start state A {
            on eInt goto Counting;
            on eNone goto Counting;
            on eStr goto Counting with (s: string) { }
          }
          state Counting { entry (n: int) { } ignore eInt, eNone, eStr; }
          state Idle { on eInt goto Gone; }
        }
      `),
    ).toEqual([
      "3032@7:19 State 'Counting' expects a payload of type int, but event 'eNone' carries none.",
      "3031@8:18 State 'Counting' expects a payload of type int, but event 'eStr' carries string.",
      "2001@11:29 Unknown state 'Gone'.",
    ]);
  });
});

describe("specs", () => {
  it("forbids what would change the system", () => {
    expect(
      messages(`
        event eX: int;
        machine Other { start state S { } }
        spec Mon observes eX {
          start state S {
            defer eX;
          }
          state T {
            on eX do (n: int) {
              var b: bool; var i: int;
              send this, eX, 1;
              new Other();
              announce eX, 1;
              b = $; b = $$; i = choose(3);
              receive { case eX: { } }
            }
          }
        }
      `),
    ).toEqual([
      "3042@5:5 'defer' is not allowed in a spec.",
      "3042@10:7 'send' is not allowed in a spec.",
      "3042@10:12 'this' is not allowed in a spec.",
      "3042@11:7 'new' is not allowed in a spec.",
      "3042@12:7 'announce' is not allowed in a spec.",
      "3042@13:11 '$' is not allowed in a spec.",
      "3042@13:18 '$$' is not allowed in a spec.",
      "3042@13:26 'choose' is not allowed in a spec.",
      "3042@14:7 'receive' is not allowed in a spec.",
    ]);
  });

  it("warns about handlers for events it does not observe", () => {
    expect(
      messages(`
        event eA;
        event eB;
        spec Mon observes eA { start state S { on eA do { } on eB goto S; ignore eB; } }
      `),
    ).toEqual([
      "3043@3:56 Spec 'Mon' handles event 'eB', which it does not observe.",
      "3039@3:74 Event 'eB' is already handled in state 'S'.",
    ]);
  });

  it("accepts a monitor written the usual way", () => {
    expect(
      codes(`
        event eReq: int;
        event eResp: int;
        spec Progress observes eReq, eResp {
          var pending: set[int];
          start cold state Idle {
            on eReq goto Busy with (id: int) { pending += (id); }
            ignore eResp;
          }
          hot state Busy {
            on eReq do (id: int) { pending += (id); }
            on eResp do (id: int) {
              pending -= id;
              if (sizeof(pending) == 0) { goto Idle; }
            }
          }
        }
      `),
    ).toEqual([]);
  });
});
