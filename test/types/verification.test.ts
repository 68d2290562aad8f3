import { describe, expect, it } from "vitest";
import { printType } from "../../src/types/types.ts";
import { check, codes, messages, nodesOf } from "./helpers.ts";

const twoPhaseCommit = `
  type tVoteResp = (source: machine);
  event eVoteReq;
  event eYes: tVoteResp;
  event eNo: tVoteResp;
  event eCommit;
  pure participants(): set[machine];
  pure coordinator(): machine;
  pure preference(m: machine): bool;
  machine Coordinator {
    var yesVotes: set[machine];
    start state Init {
      entry {
        var p: machine;
        foreach (p in participants())
          invariant forall new (e: event) :: forall (m: machine) :: e targets m ==> m in participants();
          invariant forall new (e: event) :: e is eVoteReq;
        {
          send p, eVoteReq;
        }
        goto Waiting;
      }
    }
    state Waiting {
      on eYes do (resp: tVoteResp) { yesVotes += (resp.source); }
      on eNo goto Aborted;
    }
    state Committed { ignore eYes, eNo; }
    state Aborted { ignore eYes, eNo; }
  }
  machine Participant {
    start state Undecided {
      on eVoteReq do {
        if (preference(this)) { send coordinator(), eYes, (source = this,); }
        else { send coordinator(), eNo, (source = this,); }
      }
      on eCommit goto Accepted;
    }
    state Accepted { ignore eVoteReq, eCommit; }
  }
  init-condition forall (m: machine) :: m == coordinator() == m is Coordinator;
  init-condition forall (c: Coordinator) :: c.yesVotes == default(set[machine]);
  Lemma kondo {
    invariant a1: forall (e: eYes) :: inflight e ==> e.source in participants();
    invariant a3: forall (e: eCommit) :: inflight e ==> coordinator() is Committed;
    invariant a5: forall (p: Participant, c: Coordinator) :: p in c.yesVotes ==> preference(p);
    invariant a7: forall (e: event, c: Coordinator) :: e is eYes && e targets c && c is Init ==> !inflight e;
  }
  invariant safety: forall (p1: Participant) :: p1 is Accepted ==> (forall (p2: Participant) :: preference(p2));
  axiom exists (m: machine) :: m == coordinator();
  Proof {
    prove kondo;
    prove safety using kondo;
    prove default using kondo;
  }
`;

describe("verification declarations", () => {
  it("accept P's two-phase-commit proof", () => {
    const c = check(twoPhaseCommit);
    expect(c.diagnostics).toEqual([]);
    expect(c.checked.initConditions).toHaveLength(2);
    expect(c.checked.axioms).toHaveLength(1);
    expect(c.checked.invariants.map((i) => i.name)).toEqual(["safety"]);
    expect(c.checked.lemmas.get("kondo")?.invariants.map((i) => [i.name, i.lemma])).toEqual([
      ["a1", "kondo"],
      ["a3", "kondo"],
      ["a5", "kondo"],
      ["a7", "kondo"],
    ]);
    expect(c.checked.proofs[0].steps.map((s) => [s.targets.map((t) => t.kind), s.using.map((t) => t.kind)])).toEqual([
      [["lemma"], []],
      [["invariant"], ["lemma"]],
      [["default"], ["lemma"]],
    ]);
  });

  it("record what quantified variables, fields and 'is' names mean", () => {
    const c = check(twoPhaseCommit);
    const [source] = nodesOf(c, "Field", "e.source");
    expect(printType(c.checked.exprTypes.get(source.id) ?? { kind: "Error" })).toBe("machine");
    const [eYesBinder] = nodesOf(c, "NamedType", "eYes");
    expect(c.checked.typeExprTypes.get(eYesBinder.id)).toEqual({ kind: "Message", event: "eYes" });
    const [votes] = nodesOf(c, "Field", "c.yesVotes");
    expect(c.checked.symbols.get(votes.field.id)).toMatchObject({
      kind: "Variable",
      variable: { storage: "machine", name: "yesVotes", index: 0 },
    });
    const isNames = nodesOf(c, "Is").map((i) => c.checked.symbols.get(i.name.id));
    expect(isNames.map((s) => (s?.kind === "State" ? `${s.machine}.${s.name}` : `${s?.kind} ${s?.name}`))).toEqual([
      "Event eVoteReq",
      "Machine Coordinator",
      "Coordinator.Committed",
      "Event eYes",
      "Coordinator.Init",
      "Participant.Accepted",
    ]);
    const [p2] = nodesOf(c, "Name", "p2");
    expect(c.checked.symbols.get(p2.id)).toMatchObject({ kind: "Variable", variable: { storage: "bound", index: 0 } });
  });

  it("want bool formulas", () => {
    expect(
      codes(`
        invariant one: 1;
        init-condition "x";
        axiom forall (i: int) :: i;
        pure twice(x: int): int = x * 2;
        pure bad(x: int): bool = x;
      `),
    ).toEqual(["3001@1:16", "3001@2:16", "3001@3:26", "3001@5:26"]);
  });

  it("name invariants, lemmas or default in proof steps", () => {
    expect(
      messages(`
        invariant inv: true;
        Lemma lem { invariant a: true; invariant a: false; }
        Proof { prove inv, lem using default; prove invv using lemm; }
      `),
    ).toEqual([
      "2002@2:42 'a' is already declared.",
      "2003@3:45 Unknown invariant or lemma 'invv'. Did you mean 'inv'?",
      "2003@3:56 Unknown invariant or lemma 'lemm'. Did you mean 'lem'?",
    ]);
  });
});

describe("verification expressions", () => {
  it("are only allowed in formulas", () => {
    expect(
      messages(`
        event eX;
        machine M {
          var b: bool;
          start state S {
            entry {
              var e: event;
              b = forall (i: int) :: i == i;
              b = e is eX;
              b = inflight e;
              b = e targets this;
              b = b ==> b;
            }
            ignore eX;
          }
        }
      `),
    ).toEqual([
      "3016@7:11 'forall' is only allowed in invariants, init-conditions, axioms, pure functions, loop invariants and contracts.",
      "3016@8:11 'is' is only allowed in invariants, init-conditions, axioms, pure functions, loop invariants and contracts.",
      "3016@9:11 'inflight' is only allowed in invariants, init-conditions, axioms, pure functions, loop invariants and contracts.",
      "3016@10:11 'targets' is only allowed in invariants, init-conditions, axioms, pure functions, loop invariants and contracts.",
      "3016@11:11 '==>' is only allowed in invariants, init-conditions, axioms, pure functions, loop invariants and contracts.",
    ]);
  });

  it("read machine variables only through a specific machine type", () => {
    expect(
      messages(`
        machine M { var count: int; start state S { } }
        interface I() receives;
        invariant a: forall (m: machine) :: m.count == 0;
        invariant b: forall (i: I) :: i.count == 0;
        invariant c: forall (m: M) :: m.cont == 0;
        invariant d: forall new (e: event) :: true;
        invariant e: forall (m: M) :: m is Nowhere;
        invariant f: forall (x: int) :: x is M;
      `),
    ).toEqual([
      "3018@3:39 Cannot read variable 'count' of a value of type machine: quantify over a machine type, as in 'forall (m: M) :: m.count'.",
      "3018@4:33 Cannot read variable 'count' of a value of type I: quantify over a machine type, as in 'forall (m: M) :: m.count'.",
      "3053@5:33 Type M has no field 'cont'. Did you mean 'count'?",
      "3017@6:14 'forall new' is only allowed in loop invariants.",
      "3019@7:36 'Nowhere' is not an event, a machine type or a state of M.",
      "3001@8:33 Type mismatch: expected machine but found int.",
    ]);
  });

  it("resolve a state test on a plain machine to the one machine that has the state", () => {
    expect(
      messages(`
        pure leader(): machine;
        machine A { start state Init { } state Leading { } }
        machine B { start state Init { } }
        invariant ok: leader() is Leading;
        invariant ambiguous: leader() is Init;
      `),
    ).toEqual(["2005@5:34 State name 'Init' is ambiguous: it is a state of 'A', 'B'."]);
  });

  it("allow only pure functions in formulas", () => {
    expect(
      messages(`
        fun Effect(): bool { return true; }
        pure Clean(): bool = true;
        invariant i: Clean() && Effect();
      `),
    ).toEqual(["3020@3:25 Only pure functions can be called in a formula, and 'Effect' is not pure."]);
  });

  it("check contracts with the parameters and the named result in scope", () => {
    const c = check(`
      pure NotEmpty(s: set[machine]): bool = sizeof(s) > 0;
      fun RandomParticipant(s: set[machine])
        return (x: machine);
        requires NotEmpty(s);
        ensures x in s;
    `);
    expect(c.diagnostics).toEqual([]);
    const fn = c.checked.functions.get("RandomParticipant");
    expect(fn?.result).toMatchObject({ name: "x", storage: "result" });
    expect(fn?.returnType).toEqual({ kind: "Machine" });
    expect(codes(`fun F(n: int) requires n; { }`)).toEqual(["3001@1:24"]);
  });
});
