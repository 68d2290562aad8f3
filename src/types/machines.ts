// Machines and specs: their variables, functions and states are declared first (so that code may
// name any of them), then the bodies are checked. The static rules of state machines live here:
// one start state, at most one entry and one exit per state, an event handled (or deferred, or
// ignored) at most once per state, hot and cold only in specs, handler parameters that accept the
// payloads, and transitions whose target state accepts them.
import type { EventRef, MachineDecl, OnGotoItem, SpecDecl, StateDecl } from "../ast/nodes.ts";
import type { Span } from "../diagnostics/source.ts";
import { reportUnknown, resolveEventList, resolveEventRef } from "../names/resolve.ts";
import { reportDuplicate } from "../names/scopes.ts";
import type { Checker, FunctionBuilder, MachineBuilder } from "./context.ts";
import { checkFunctionBody, createFunction, thisTypeFor } from "./functions.ts";
import { checkAcceptsPayloads, checkHandlerParam, handlerFunction } from "./handlers.ts";
import type { FunctionInfo, HandlerInfo, StateInfo, VariableInfo } from "./program.ts";
import { resolveType } from "./resolve-types.ts";

/** Declares a machine or spec: variables, function signatures, states and their handlers. */
export function declareMachine(checker: Checker, decl: MachineDecl | SpecDecl): MachineBuilder {
  const name = decl.name.name;
  const isSpec = decl.kind === "SpecDecl";
  const machine: MachineBuilder = {
    name,
    kind: isSpec ? "spec" : "machine",
    decl,
    type: { kind: "MachineRef", name, of: "machine" },
    vars: [],
    functions: new Map(),
    states: new Map(),
    start: undefined,
    startPayload: undefined,
    observes: isSpec ? resolveEventList(checker, decl.observes) : [],
    receives: !isSpec && decl.receives !== undefined ? resolveEventList(checker, decl.receives) : undefined,
    sends: !isSpec && decl.sends !== undefined ? resolveEventList(checker, decl.sends) : undefined,
    creates: [],
    memberSpans: new Map(),
    anonymous: [],
  };
  const declareMember = (memberName: string, span: Span): boolean => {
    const first = machine.memberSpans.get(memberName);
    if (first !== undefined) {
      reportDuplicate(checker.diags, memberName, span, first);
      return false;
    }
    machine.memberSpans.set(memberName, span);
    return true;
  };
  for (const member of decl.members) {
    if (member.kind === "VarDecl") {
      const type = resolveType(checker, member.type);
      for (const ident of member.names) {
        if (!declareMember(ident.name, ident.span)) continue;
        const variable: VariableInfo = {
          id: ident.id,
          name: ident.name,
          type,
          storage: "machine",
          index: machine.vars.length,
          ownerId: decl.id,
          decl: ident,
        };
        machine.vars.push(variable);
        checker.bind(ident, { kind: "Variable", name: ident.name, variable });
      }
    } else if (member.kind === "FunDecl") {
      const fn = createFunction(checker, member, "machine", member.name.name, name, undefined);
      if (declareMember(member.name.name, member.name.span)) machine.functions.set(member.name.name, fn);
      else machine.anonymous.push(fn); // a duplicate: not callable, but its body is still checked
    }
  }
  const gotos: { item: OnGotoItem; events: string[] }[] = [];
  for (const member of decl.members) {
    if (member.kind !== "StateDecl") continue;
    const existing = machine.states.get(member.name.name);
    if (existing !== undefined) {
      reportDuplicate(checker.diags, member.name.name, member.name.span, existing.decl.name.span);
      continue;
    }
    machine.states.set(member.name.name, declareState(checker, machine, member, machine.states.size, gotos));
  }
  for (const { item, events } of gotos) {
    const target = machine.states.get(item.target.name);
    if (target === undefined) {
      reportUnknown(checker, "state", item.target.name, item.target.span, machine.states.keys());
      continue;
    }
    checker.bind(item.target, { kind: "State", name: target.name, machine: name, decl: target.decl });
    checkAcceptsPayloads(checker, `State '${target.name}'`, target.entryPayload, events, item.target.span);
  }
  const starts = [...machine.states.values()].filter((s) => s.start);
  if (starts.length === 0) checker.report(3036, decl.name.span, [name]);
  for (const extra of starts.slice(1)) {
    checker.report(3037, extra.decl.name.span, [name], [
      { message: `'${starts[0].name}' is the first start state.`, span: starts[0].decl.name.span },
    ]);
  }
  machine.start = starts[0];
  machine.startPayload = starts[0]?.entryPayload;
  return machine;
}

type Disposition = "handled" | "deferred" | "ignored";

function declareState(
  checker: Checker,
  machine: MachineBuilder,
  decl: StateDecl,
  index: number,
  gotos: { item: OnGotoItem; events: string[] }[],
): StateInfo {
  const stateName = decl.name.name;
  if (decl.temperature !== undefined && machine.kind !== "spec") {
    checker.report(3038, decl.name.span, [decl.temperature]);
  }
  let entry: FunctionBuilder | undefined;
  let exit: FunctionBuilder | undefined;
  let entrySpan: Span | undefined;
  let exitSpan: Span | undefined;
  const handlers = new Map<string, HandlerInfo>();
  const deferred: string[] = [];
  const ignored: string[] = [];
  const seen = new Map<string, { how: Disposition; span: Span }>();

  /** Resolves the events of an item and records how the state disposes of each. */
  const dispose = (refs: readonly EventRef[], how: Disposition): string[] => {
    const out: string[] = [];
    for (const ref of refs) {
      for (const event of resolveEventRef(checker, ref) ?? []) {
        const first = seen.get(event);
        if (first !== undefined) {
          checker.report(3039, ref.span, [event, first.how, stateName], [
            { message: `'${event}' is ${first.how} here.`, span: first.span },
          ]);
          continue;
        }
        seen.set(event, { how, span: ref.span });
        if (machine.kind === "spec" && !machine.observes.includes(event) && event !== "null") {
          checker.report(3043, ref.span, [machine.name, event]);
        }
        out.push(event);
      }
    }
    return out;
  };

  for (const item of decl.items) {
    switch (item.kind) {
      case "Entry":
        if (entry !== undefined || entrySpan !== undefined) {
          checker.report(3040, item.span, [stateName, "entry"]);
          break;
        }
        entrySpan = item.span;
        entry = handlerFunction(checker, machine, item.handler, `${stateName}.entry`, 1);
        break;
      case "Exit":
        if (exit !== undefined || exitSpan !== undefined) {
          checker.report(3040, item.span, [stateName, "exit"]);
          break;
        }
        exitSpan = item.span;
        exit = handlerFunction(checker, machine, item.handler, `${stateName}.exit`, 0);
        break;
      case "Defer":
        if (machine.kind === "spec") checker.report(3042, item.span, ["'defer'"]);
        deferred.push(...dispose(item.events, "deferred"));
        break;
      case "Ignore":
        ignored.push(...dispose(item.events, "ignored"));
        break;
      case "OnDo": {
        const events = dispose(item.events, "handled");
        const fn = handlerFunction(checker, machine, item.handler, `${stateName}.on ${eventsText(item.events)}`, 1);
        if (fn !== undefined) checkHandlerParam(checker, fn, events, item.handler.span);
        for (const event of events) handlers.set(event, { kind: "do", event, item, fn });
        break;
      }
      case "OnGoto": {
        const events = dispose(item.events, "handled");
        let fn: FunctionBuilder | undefined;
        if (item.handler !== undefined) {
          const description = `${stateName}.on ${eventsText(item.events)} goto ${item.target.name}`;
          fn = handlerFunction(checker, machine, item.handler, description, 1);
          if (fn !== undefined) checkHandlerParam(checker, fn, events, item.handler.span);
        }
        for (const event of events) handlers.set(event, { kind: "goto", event, item, target: item.target.name, fn });
        gotos.push({ item, events });
        break;
      }
    }
  }
  return {
    name: stateName,
    machine: machine.name,
    decl,
    index,
    start: decl.start,
    temperature: decl.temperature,
    entry,
    exit,
    entryPayload: entry?.params[0]?.type,
    handlers,
    deferred,
    ignored,
  };
}

function eventsText(refs: readonly EventRef[]): string {
  return refs.map((r) => r.name).join(", ");
}

/** Checks the bodies of a machine's functions and handlers. */
export function checkMachineBodies(checker: Checker, machine: MachineBuilder): void {
  const site = { checker, machine, parentScope: undefined, thisType: thisTypeFor(machine) };
  for (const fn of machine.functions.values()) checkFunctionBody(fn, site);
  for (const fn of machine.anonymous) checkFunctionBody(fn, site);
}

/**
 * What each machine can create: the `new`s of its own code and of every function reachable from
 * it through calls and receive cases.
 */
export function computeCreates(checker: Checker): void {
  for (const machine of checker.machines.values()) {
    const roots: FunctionInfo[] = [...machine.functions.values(), ...machine.anonymous];
    const visited = new Set<FunctionInfo>();
    const creates: string[] = [];
    const visit = (fn: FunctionInfo): void => {
      if (visited.has(fn)) return;
      visited.add(fn);
      for (const name of fn.creates) if (!creates.includes(name)) creates.push(name);
      for (const callee of fn.calls) visit(callee);
      for (const receive of fn.receives) visit(receive);
    };
    for (const root of roots) visit(root);
    machine.creates = creates;
  }
}
