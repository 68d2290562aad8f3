// Diagnostic codes 3000-3999: types and the static rules of machines, monitors, modules and tests.
import type { CodeEntry } from "./entry.ts";

export const typeCodes = {
  // Types and declarations.
  3001: {
    severity: "error",
    message: "Type mismatch: expected {0} but found {1}.",
    explain: "The value's type is not a subtype of the type this position requires.",
  },
  3002: {
    severity: "error",
    message: "Foreign type '{0}' is not supported: Pith checks models written entirely in P; model it with a P type.",
    explain: "A type declared without a definition ('type T;') stands for a type of another language, which Pith cannot run or reason about; define it as a P type (a tuple, an enum, a collection).",
  },
  3003: {
    severity: "error",
    message: "Foreign function '{0}' is not supported: Pith checks models written entirely in P; give it a body.",
    explain: "A function declared without a body (and without a contract) is implemented in another language, which Pith cannot run; write it in P.",
  },
  3004: {
    severity: "error",
    message: "Type alias '{0}' refers to itself: {1}.",
    explain: "P types are not recursive; a type alias may not mention itself, directly or through other aliases.",
  },

  // Expressions.
  3005: {
    severity: "error",
    message: "Operator '{0}' cannot be applied to {1} and {2}.",
    explain: "Arithmetic needs two ints or two floats (no implicit conversion; '+' also joins strings), comparisons two numbers or two strings of the same type, '&&' and '||' two bools, '==' two comparable values.",
  },
  3006: {
    severity: "error",
    message: "Operator '{0}' cannot be applied to {1}.",
    explain: "'-' negates an int or a float; '!' negates a bool.",
  },
  3007: {
    severity: "error",
    message: "Type {0} has no field '{1}'.",
    explain: "Only named tuples have named fields (and tuples numbered ones); check the field name against the type's declaration.",
  },
  3008: {
    severity: "error",
    message: "Tuple index {0} is out of range for {1}.",
    explain: "Tuple elements are numbered from 0; the index must be smaller than the number of elements.",
  },
  3009: {
    severity: "error",
    message: "A value of type {0} cannot be indexed.",
    explain: "Only a seq (by int), a set (by int) or a map (by key) can be indexed with '[...]'.",
  },
  3010: {
    severity: "error",
    message: "{0} requires {1} but found {2}.",
    explain: "This operation works on collections: keys and values on maps; sizeof, in, foreach, '+=' and '-=' on seqs, sets and maps; choose also on ints.",
  },
  3011: {
    severity: "error",
    message: "Function '{0}' takes {1} argument(s) but {2} were given.",
    explain: "A call must pass exactly one argument per parameter of the function.",
  },
  3012: {
    severity: "error",
    message: "Function '{0}' returns no value, so its call cannot be used as a value.",
    explain: "Only a function declared with a return type produces a value; call this one as a statement.",
  },
  3013: {
    severity: "error",
    message: "Cannot cast {0} to {1}: neither type is a subtype of the other.",
    explain: "'as' converts a value to a subtype or supertype of its type (for example any to int), checked when it runs; between unrelated types it can never succeed.",
  },
  3014: {
    severity: "error",
    message: "Cannot convert {0} to {1} with 'to'.",
    explain: "'to' converts float to int, int to float, an enum to int, and int to an enum.",
  },
  3015: {
    severity: "warning",
    message: "The format string uses {0} argument(s) but {1} were given.",
    explain: "Each placeholder {0}, {1}, ... of format() takes the argument of that position; the highest placeholder plus one should equal the number of arguments.",
  },

  // Verification expressions.
  3016: {
    severity: "error",
    message: "{0} is only allowed in invariants, init-conditions, axioms, pure functions, loop invariants and contracts.",
    explain: "Quantifiers, 'is', 'targets', 'inflight', 'sent', '==>', '<==>' and reading another machine's variables describe states for proofs; they cannot run in machine code.",
  },
  3017: {
    severity: "error",
    message: "'forall new' is only allowed in loop invariants.",
    explain: "'forall new (e: event)' ranges over the messages sent by the loop so far, which only a loop invariant can speak of.",
  },
  3018: {
    severity: "error",
    message: "Cannot read variable '{0}' of a value of type {1}: quantify over a machine type, as in 'forall (m: M) :: m.{0}'.",
    explain: "A machine's variables can be read only through a reference whose type is that machine's type; 'machine' and interface types do not say which machine it is.",
  },
  3019: {
    severity: "error",
    message: "'{0}' is not an event, a machine type or a state of {1}.",
    explain: "'x is N' tests a message against an event, a machine against a machine or interface type, or a machine against one of its states.",
  },
  3020: {
    severity: "error",
    message: "Only pure functions can be called in a formula, and '{0}' is not pure.",
    explain: "Invariants, contracts and other formulas must not have effects; declare the function with 'pure' to use it there.",
  },

  // Statements.
  3021: {
    severity: "error",
    message: "Cannot assign to {0}: it is {1}, not a variable.",
    explain: "Only variables, and fields and elements of variables, can be assigned, updated with '+=' and '-=', or used as a foreach item.",
  },
  3022: {
    severity: "error",
    message: "'{0}' on {1} takes {2}.",
    explain: "'+=' inserts (index, value) into a seq, (key, value) into a map, and (value) into a set.",
  },
  3023: {
    severity: "error",
    message: "Function '{0}' must return a value of type {1}.",
    explain: "A function declared with a return type must give a value to every 'return'.",
  },
  3024: {
    severity: "error",
    message: "Function '{0}' does not return a value.",
    explain: "The function has no return type, so 'return' takes no value; declare a return type or drop the value.",
  },
  3025: {
    severity: "error",
    message: "'{0}' is only allowed inside a loop.",
    explain: "'break' and 'continue' act on the innermost enclosing while or foreach loop of the same function.",
  },
  3026: {
    severity: "error",
    message: "The null event cannot be {0}.",
    explain: "null is the event a machine handles when its inbox is empty ('on null'); it cannot be raised, sent or announced.",
  },
  3027: {
    severity: "error",
    message: "{0} is only allowed in the code of a machine.",
    explain: "goto needs the current machine's states and 'this' the current machine; neither exists in a global function called from anywhere or in a declaration.",
  },

  // Payloads.
  3028: {
    severity: "error",
    message: "{0} takes no payload, but one was given.",
    explain: "The event is declared without a payload type (or the state's entry, or the machine's start state's entry, takes no parameter); remove the payload or declare its type.",
  },
  3029: {
    severity: "error",
    message: "{0} expects a payload of type {1}, but none was given.",
    explain: "The event, state entry or start state declares a payload; pass a value of that type.",
  },
  3030: {
    severity: "error",
    message: "{0} expects a payload of type {1} but found {2}.",
    explain: "The payload must be a subtype of the declared payload type; several values form an unnamed tuple.",
  },
  3031: {
    severity: "error",
    message: "{0} expects a payload of type {1}, but event '{2}' carries {3}.",
    explain: "The parameter of a handler (or of the entry of the state a transition goes to) must accept the payload of every event that leads to it.",
  },
  3032: {
    severity: "error",
    message: "{0} expects a payload of type {1}, but event '{2}' carries none.",
    explain: "The handler or state entry takes a parameter, but the event that leads to it has no payload to give it.",
  },
  3033: {
    severity: "error",
    message: "Event '{0}' appears in more than one case of this receive.",
    explain: "Each event may be waited for by one case of a receive statement only.",
  },

  // Machines and specs.
  3034: {
    severity: "error",
    message: "A handler takes at most one parameter (the payload), but this one takes {0}.",
    explain: "Entry functions, event handlers and receive cases receive one payload; use a tuple type to pass several values.",
  },
  3035: {
    severity: "error",
    message: "An exit function takes no parameters.",
    explain: "Exit functions run on every way out of a state, where there is no payload to give them.",
  },
  3036: {
    severity: "error",
    message: "'{0}' has no start state.",
    explain: "Every machine and spec must mark exactly one state 'start': the state it begins in.",
  },
  3037: {
    severity: "error",
    message: "'{0}' has more than one start state.",
    explain: "Every machine and spec must mark exactly one state 'start'; the note shows the first.",
  },
  3038: {
    severity: "error",
    message: "Only states of a spec can be '{0}'.",
    explain: "'hot' and 'cold' mark the states of a liveness monitor (spec); a machine's states have no temperature.",
  },
  3039: {
    severity: "error",
    message: "Event '{0}' is already {1} in state '{2}'.",
    explain: "In one state an event is either handled (once), deferred, or ignored; the note shows the first.",
  },
  3040: {
    severity: "error",
    message: "State '{0}' has more than one {1} function.",
    explain: "A state has at most one entry function and one exit function.",
  },
  3041: {
    severity: "error",
    message: "Function '{0}' takes {1} parameters, but a handler takes at most one (the payload).",
    explain: "A named function used as an entry function or event handler receives one payload; give it at most one parameter.",
  },
  3042: {
    severity: "error",
    message: "{0} is not allowed in a spec.",
    explain: "A spec (monitor) observes the system synchronously and must not change it: no send, new, receive, announce, defer, this, $, $$ or choose.",
  },
  3043: {
    severity: "warning",
    message: "Spec '{0}' handles event '{1}', which it does not observe.",
    explain: "A spec is delivered only the events listed after 'observes'; a handler for another event never runs. Add the event to the list or remove the handler.",
  },
  3044: {
    severity: "error",
    message: "Machine '{0}' sends event '{1}', which is not in its 'sends' list.",
    explain: "When a machine declares 'sends', it may send only the events listed there; add the event to the list.",
  },
  3045: {
    severity: "error",
    message: "'{0}' does not receive event '{1}'.",
    explain: "The target's machine or interface declares a 'receives' list without this event, so it could never be handled.",
  },
  3046: {
    severity: "error",
    message: "'creates' is only meaningful on a foreign function, and '{0}' has a body.",
    explain: "'creates' declares which machines a foreign function creates; the body of a P function already shows it.",
  },

  // Modules and tests.
  3047: {
    severity: "error",
    message: "'{0}' is bound to both '{1}' and '{2}'.",
    explain: "In one module, creating a machine or interface must create one machine; remove one of the bindings.",
  },
  3048: {
    severity: "error",
    message: "The main machine '{0}' is not in the module of {1} '{2}'.",
    explain: "A test starts by creating its main machine, which must be one of the machines of its module.",
  },
  3049: {
    severity: "error",
    message: "The module of this {0} is not closed: '{1}' is created by '{2}' but is not in the module.",
    explain: "Every machine or interface that a machine of a test's module can create must be bound in the module; add the machine (or a binding 'Impl -> {1}').",
  },
  3050: {
    severity: "error",
    message: "Module '{0}' refers to itself.",
    explain: "A named module cannot be defined in terms of itself, directly or through other modules.",
  },
  3051: {
    severity: "error",
    message: "'({0} wise)' needs between 1 and the number of params ({1}).",
    explain: "N-wise testing covers every combination of values of any N params, so N cannot exceed the number of params.",
  },
  3052: {
    severity: "error",
    message: "'{0}' is a spec; attach specs to a module with 'assert {0} in ...'.",
    explain: "Modules hold machines; specs are asserted on a module with an assert module expression.",
  },
  3053: {
    severity: "error",
    message: "Type {0} has no field '{1}'. Did you mean '{2}'?",
    explain: "The field is not declared in the type, but one spelt almost the same way is.",
  },
  3054: {
    severity: "error",
    message: "Test '{0}' does not say which machine starts it: add [main=M] (its module has {1} machines).",
    explain: "A test creates its main machine first; name it with [main=M] unless the module has only one machine.",
  },
  3055: {
    severity: "error",
    message: "The main machine '{0}' expects a payload in its start state, but a test creates it with none.",
    explain: "A test creates its main machine without a payload, so the start state's entry must take no parameter.",
  },
  3056: {
    severity: "error",
    message: "Function '{0}' can reach its end without returning a value of type {1}.",
    explain: "Every path through a function with a return type must end in 'return', 'raise', 'goto' or a failing assert.",
  },
  3057: {
    severity: "error",
    message: "This model nests expressions or statements too deeply to be checked.",
    explain: "Thousands of chained operators or nested statements exhaust the checker; split the expression or the function.",
  },
} as const satisfies Record<number, CodeEntry>;
