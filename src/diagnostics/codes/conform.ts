// Codes 6000-6999: conformance, the link between a model and its TypeScript implementation. Each
// problem `pith conform` and `pith link` report is defined here once, with its severity and what
// to do about it, in the shape of the diagnostic registry (src/diagnostics/codes.ts), so that the
// registry can take these entries as they are. 60xx: trace files; 61xx: conformance verdicts;
// 62xx: links between model and code.
import type { CodeEntry } from "./entry.ts";

export const conformCodes = {
  6001: {
    severity: "error",
    message: "Line {0} is not valid JSON: {1}.",
    explain: "Each line of a trace is one JSON object (NDJSON); write the trace with the recorder that 'pith gen ts' generates.",
  },
  6002: {
    severity: "error",
    message: "Line {0} is cut short: the trace ends in the middle of it.",
    explain: "The program that wrote the trace stopped while writing its last line; drop that line or record the run again.",
  },
  6003: {
    severity: "error",
    message: "Line {0}: {1}.",
    explain: "Each line needs seq (an integer), kind (send, handle, announce or create) and machine (an id); send lines need to, and create lines type.",
  },
  6004: {
    severity: "error",
    message: "Line {0}: the model has no event '{1}'.{2}",
    explain: "The implementation recorded an event that the model does not declare; regenerate the types with 'pith gen ts' and fix the code, or add the event to the model.",
  },
  6005: {
    severity: "error",
    message: "Line {0}: the model has no machine type '{1}'.{2}",
    explain: "A create line names a machine type the model does not declare.",
  },
  6006: {
    severity: "error",
    message: "Line {0}: machine '{1}' was not created by an earlier line.",
    explain: "Every machine that acts in a trace must be introduced by a create line before, which says its type.",
  },
  6007: {
    severity: "error",
    message: "Line {0}: the payload of {1} does not fit its type: {2}.",
    explain: "Payloads are written in the JSON form of the model's types: named tuples as objects, sets as arrays, maps as [key, value] pairs, enum elements and events by name, machines by id.",
  },
  6008: {
    severity: "error",
    message: "Line {0}: seq {1} does not come after seq {2} (line {3}).",
    explain: "The seq numbers of a trace increase from line to line; lines out of order mean the trace was not written by one recorder in the order things happened.",
  },
  6009: {
    severity: "error",
    message: "Line {0}: time {1} is earlier than time {2} (line {3}).",
    explain: "Times in a trace never go back; lines out of order mean the trace was not written by one recorder in the order things happened.",
  },
  6010: {
    severity: "error",
    message: "Line {0}: the snapshot of {1} does not fit the model: {2}.",
    explain: "A snapshot is {\"state\": a state of the machine, \"vars\": {variable: value}}, with values in the JSON form of the variables' types.",
  },
  6011: {
    severity: "error",
    message: "Line {0}: machine '{1}' was already created on line {2}.",
    explain: "Machine ids are unique in a trace: each is created once.",
  },
  6012: {
    severity: "warning",
    message: "The trace has no lines.",
    explain: "An empty trace conforms to every model; check that the implementation recorded its run.",
  },
  6101: {
    severity: "error",
    message: "Line {0} is not a behaviour of the model: {1}.",
    explain: "No run of the model does what the trace records at this line after what came before; the report lists what the model could do instead.",
  },
  6102: {
    severity: "error",
    message: "Line {0} breaks spec {1}: {2}.",
    explain: "A monitor of the test fails on the events the trace records, up to this line.",
  },
  6103: {
    severity: "warning",
    message: "The search ran out of its budget of {0} states at line {1}.",
    explain: "The trace could be neither matched nor refuted within the budget; give a larger --max-states, or check a shorter or partitioned trace.",
  },
  6201: {
    severity: "error",
    message: "{0} has no handler for {1} (method {2}), which {3} handles in the model.",
    explain: "Every event a machine handles in the model needs a method of the class that implements it.",
  },
  6202: {
    severity: "error",
    message: "{0}.{1} handles an event the model does not have.",
    explain: "A handler method names no event of the model: the event was renamed or removed, or the method is misspelt.",
  },
  6203: {
    severity: "error",
    message: "{0}.{1} handles {2}, which {3} never handles in the model.",
    explain: "The implementation handles an event the model's machine does not; the model or the code is out of date.",
  },
  6204: {
    severity: "error",
    message: "{0} is implemented by more than one class: {1}.",
    explain: "Each machine of the model is bound to one class, by @machine(\"Name\") or by implementing NameHandlers.",
  },
  6205: {
    severity: "error",
    message: "{0} never records {1} {2}, which {3} {4} in the model.",
    explain: "The code bound to a machine should record every event the machine sends or announces in the model, or traces of it cannot be checked.",
  },
  6206: {
    severity: "error",
    message: "{0} is bound to machine {1}, which the model does not have.{2}",
    explain: "A class names a machine (by @machine or by implementing its Handlers interface) that the model does not declare.",
  },
  6207: {
    severity: "error",
    message: "{0} handles {1} twice: {2} and {3}.",
    explain: "Two methods of one class handle the same event; keep the one the generated interface names.",
  },
} as const satisfies Record<number, CodeEntry>;
