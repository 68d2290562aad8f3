// `pith link`: holds TypeScript code against the model. A class implements a machine when it is
// decorated `@machine("Name")` or implements `NameHandlers` (the interface `pith gen ts` writes).
// Each handler of the model is paired with the class's method for it (the names the generated
// interface uses), and the link reports what does not pair up: events the model's machine handles
// that the class has no method for, methods for events the model does not have (or that the
// machine does not handle), events the machine sends or announces in the model that the class
// never names (so never records), and machines with two classes. Reading is syntactic: the code
// need not compile for the link to be made.
import { statSync } from "node:fs";
import { relative, sep } from "node:path";
import { Node, Project, type ClassDeclaration, type MethodDeclaration } from "ts-morph";
import type { SourceSet } from "../diagnostics/source.ts";
import type { ModelIR } from "../ir/ir.ts";
import { suggestName } from "../names/suggest.ts";
import { conformMessage, type ConformCode } from "./codes.ts";
import { ImplementationMap } from "./impl-map.ts";
import { capitalise, handlerMethodNames, lineOf, machineFacts, type MachineFacts } from "./model-facts.ts";

export interface CodeLocation {
  readonly file: string;
  readonly line: number;
}

export interface LinkedClass {
  readonly name: string;
  readonly machine: string;
  readonly how: "decorator" | "implements";
  readonly at: CodeLocation;
}

export interface HandlerLink {
  readonly machine: string;
  readonly event: string;
  readonly method: string;
  /** `kv.p:45`: the handler in the model. */
  readonly model: string;
  /** The method in the code, when there is one. */
  readonly code: CodeLocation | undefined;
}

export interface LinkFinding {
  readonly code: ConformCode;
  readonly message: string;
  readonly at: CodeLocation | undefined;
}

export interface LinkReport {
  readonly classes: readonly LinkedClass[];
  readonly handlers: readonly HandlerLink[];
  readonly findings: readonly LinkFinding[];
  /** Machines of the model no class implements (the environment, usually). */
  readonly unlinked: readonly string[];
}

/** Loads the code to link: a tsconfig.json, or every .ts file under a folder. */
export function loadCode(path: string, isTsconfig: boolean): Project {
  if (isTsconfig) return new Project({ tsConfigFilePath: path, skipFileDependencyResolution: true });
  const project = new Project({ skipFileDependencyResolution: true });
  const root = path.split(sep).join("/");
  project.addSourceFilesAtPaths([`${root}/**/*.ts`, `${root}/**/*.tsx`, `!${root}/**/node_modules/**`, `!${root}/**/*.d.ts`]);
  return project;
}

/**
 * The link map of `model` against the code at `path` (a tsconfig.json, or a folder): where each of
 * its handlers is implemented. Throws when the code cannot be read (a tsconfig.json that is not
 * one, say), with the reason.
 */
export function implementationMap(model: ModelIR, sources: SourceSet, path: string, cwd: string): ImplementationMap {
  const project = loadCode(path, !statSync(path).isDirectory());
  return new ImplementationMap(linkImplementation(model, sources, project, cwd).handlers);
}

function locate(node: Node, cwd: string): CodeLocation {
  return { file: relative(cwd, node.getSourceFile().getFilePath()).split(sep).join("/"), line: node.getStartLineNumber() };
}

/** The machines a class says it implements. */
function bindingsOf(cls: ClassDeclaration): { machine: string; how: "decorator" | "implements" }[] {
  const out: { machine: string; how: "decorator" | "implements" }[] = [];
  for (const d of cls.getDecorators()) {
    if (d.getName() !== "machine") continue;
    const [arg] = d.getArguments();
    if (arg !== undefined && (Node.isStringLiteral(arg) || Node.isNoSubstitutionTemplateLiteral(arg))) out.push({ machine: arg.getLiteralValue(), how: "decorator" });
  }
  for (const i of cls.getImplements()) {
    const name = i.getExpression().getText().split(".").pop() ?? "";
    const m = /^(.+)Handlers$/.exec(name);
    if (m !== null && !out.some((b) => b.machine === m[1])) out.push({ machine: m[1], how: "implements" });
  }
  return out;
}

/**
 * The methods of a class and of the classes it extends (the nearest definition of each name). The
 * base class is looked up only when there is an `extends` clause: finding it starts TypeScript's
 * type checker, which costs a second, where reading the syntax costs milliseconds.
 */
function methodsOf(cls: ClassDeclaration): MethodDeclaration[] {
  const seen = new Set<string>();
  const out: MethodDeclaration[] = [];
  for (let c: ClassDeclaration | undefined = cls; c !== undefined; c = c.getExtends() === undefined ? undefined : c.getBaseClass()) {
    for (const m of c.getMethods()) {
      if (seen.has(m.getName())) continue;
      seen.add(m.getName());
      out.push(m);
    }
  }
  return out;
}

/** The string literals inside a class: the events it can name, so record. */
function literalsIn(cls: ClassDeclaration): Set<string> {
  const out = new Set<string>();
  cls.forEachDescendant((n) => {
    if (Node.isStringLiteral(n) || Node.isNoSubstitutionTemplateLiteral(n)) out.add(n.getLiteralValue());
  });
  return out;
}

/** Links the classes of `project` to the machines of `model`. */
export function linkImplementation(model: ModelIR, sources: SourceSet, project: Project, cwd: string): LinkReport {
  const facts = machineFacts(model);
  const byName = new Map(facts.map((f) => [f.machine.name, f]));
  const canonical = handlerMethodNames(model);
  const eventOfMethod = new Map<string, string>();
  for (const [event, method] of canonical) eventOfMethod.set(method, event);
  // The long form (`onEWrite`) names the same event, so that a class with both is a duplicate.
  for (const e of model.events.slice(1)) if (!eventOfMethod.has("on" + capitalise(e.name))) eventOfMethod.set("on" + capitalise(e.name), e.name);

  const classes: LinkedClass[] = [];
  const findings: LinkFinding[] = [];
  const report = (code: ConformCode, at: CodeLocation | undefined, ...args: string[]) => findings.push({ code, message: conformMessage(code, args), at });
  const implementations = new Map<string, { cls: ClassDeclaration; linked: LinkedClass }[]>();
  const files = project
    .getSourceFiles()
    .filter((f) => !f.isDeclarationFile() && !f.getFilePath().includes("/node_modules/"))
    .sort((a, b) => (a.getFilePath() < b.getFilePath() ? -1 : 1));
  for (const file of files) {
    for (const cls of file.getClasses()) {
      for (const b of bindingsOf(cls)) {
        const linked: LinkedClass = { name: cls.getName() ?? "(anonymous class)", machine: b.machine, how: b.how, at: locate(cls, cwd) };
        if (!byName.has(b.machine)) {
          const guess = suggestName(b.machine, [...byName.keys()]);
          report(6206, linked.at, `class ${linked.name}`, b.machine, guess === undefined ? "" : ` Did you mean '${guess}'?`);
          continue;
        }
        classes.push(linked);
        const list = implementations.get(b.machine) ?? [];
        list.push({ cls, linked });
        implementations.set(b.machine, list);
      }
    }
  }

  const handlers: HandlerLink[] = [];
  for (const f of facts) {
    const impls = implementations.get(f.machine.name);
    if (impls === undefined) continue;
    if (impls.length > 1) {
      report(6204, impls[1].linked.at, f.machine.name, impls.map((i) => `${i.linked.name} (${i.linked.at.file}:${i.linked.at.line})`).join(", "));
    }
    for (const { cls, linked } of impls) checkClass(f, cls, linked);
  }

  function checkClass(f: MachineFacts, cls: ClassDeclaration, linked: LinkedClass): void {
    const machine = f.machine.name;
    const handled = new Map<string, MethodDeclaration>();
    for (const m of methodsOf(cls)) {
      const name = m.getName();
      if (!/^on[A-Z0-9_]/.test(name)) continue;
      const event = eventOfMethod.get(name);
      const at = locate(m, cwd);
      if (event === undefined) {
        report(6202, at, linked.name, name);
        continue;
      }
      if (!f.handles.some((h) => h.event.name === event)) {
        report(6203, at, linked.name, name, event, machine);
        continue;
      }
      const before = handled.get(event);
      if (before !== undefined) report(6207, at, linked.name, event, before.getName(), name);
      else handled.set(event, m);
    }
    for (const h of f.handles) {
      const method = canonical.get(h.event.name)!;
      const m = handled.get(h.event.name);
      handlers.push({ machine, event: h.event.name, method: m?.getName() ?? method, model: lineOf(h.span, sources), code: m === undefined ? undefined : locate(m, cwd) });
      if (m === undefined) report(6201, linked.at, linked.name, h.event.name, method, machine);
    }
    const literals = literalsIn(cls);
    for (const e of f.sends) if (!literals.has(e.name)) report(6205, linked.at, linked.name, "sending", e.name, machine, "sends");
    for (const e of f.announces) if (!literals.has(e.name)) report(6205, linked.at, linked.name, "announcing", e.name, machine, "announces");
  }

  return {
    classes,
    handlers,
    findings,
    unlinked: facts.filter((f) => !implementations.has(f.machine.name)).map((f) => f.machine.name),
  };
}

function at(l: CodeLocation | undefined): string {
  return l === undefined ? "" : `${l.file}:${l.line}`;
}

/** The link as text: each class with its handlers, then the findings. */
export function linkText(r: LinkReport): string {
  const out: string[] = [];
  for (const c of r.classes) {
    out.push(`${c.machine} is implemented by class ${c.name} (${at(c.at)}, ${c.how === "decorator" ? `@machine("${c.machine}")` : `implements ${c.machine}Handlers`})`);
    const rows = r.handlers.filter((h) => h.machine === c.machine);
    const width = Math.max(0, ...rows.map((h) => h.event.length));
    const modelWidth = Math.max(0, ...rows.map((h) => h.model.length));
    for (const h of rows) {
      out.push(`  ${h.event.padEnd(width)}  ${h.model.padEnd(modelWidth)}  ->  ${h.code === undefined ? "(no handler)" : `${at(h.code)} ${h.method}`}`);
    }
  }
  if (r.unlinked.length > 0) out.push(`Not implemented in this code: ${r.unlinked.join(", ")}`);
  if (r.findings.length === 0) out.push("No findings: the code handles and records every event of the machines it implements.");
  else {
    out.push("");
    for (const f of r.findings) out.push(`${f.at === undefined ? "" : `${at(f.at)}: `}error PTH${f.code}: ${f.message}`);
    out.push("");
    out.push(`${r.findings.length} finding${r.findings.length === 1 ? "" : "s"}`);
  }
  return out.join("\n") + "\n";
}

/** The link as a JSON document (version 1). */
export function linkJson(r: LinkReport): object {
  return {
    version: 1,
    classes: r.classes,
    handlers: r.handlers.map((h) => ({ ...h, code: h.code ?? null })),
    unlinked: r.unlinked,
    findings: r.findings.map((x) => ({ code: `PTH${x.code}`, message: x.message, file: x.at?.file ?? null, line: x.at?.line ?? null })),
  };
}
