// Problems with pith.json, as the user reads them: the file, line and column, what is wrong in
// words, what to do, and the line itself with carets under the place. JSON Schema validation
// errors (ajv's, which point at a JSON pointer) are turned into these by finding the pointed-at
// node in jsonc-parser's tree, which knows every node's offset.
import type { ErrorObject } from "ajv";
import { findNodeAtLocation, printParseErrorCode, type Node, type ParseError } from "jsonc-parser";
import pc from "picocolors";
import { SourceFile } from "../diagnostics/source.ts";
import { suggestName } from "../names/suggest.ts";

export interface ConfigError {
  /** Path of the file as shown to the user. */
  readonly file: string;
  readonly offset: number;
  readonly length: number;
  readonly message: string;
}

const SYNTAX: Record<string, string> = {
  InvalidSymbol: "this is not JSON: a value, a property name in double quotes, or a comment was expected",
  InvalidNumberFormat: "this number is not written as JSON writes numbers",
  PropertyNameExpected: "a property name in double quotes was expected",
  ValueExpected: "a value was expected",
  ColonExpected: "':' was expected after the property name",
  CommaExpected: "',' was expected between two entries",
  CloseBraceExpected: "'}' was expected to close the object",
  CloseBracketExpected: "']' was expected to close the list",
  EndOfFileExpected: "the file should end after the top-level object",
  InvalidCommentToken: "this comment is not closed",
  UnexpectedEndOfComment: "this comment is not closed: end it with */",
  UnexpectedEndOfString: "this string is not closed: end it with a double quote",
  UnexpectedEndOfNumber: "this number is cut short",
  InvalidUnicode: "this \\u escape needs four hexadecimal digits",
  InvalidEscapeCharacter: "this escape is not one JSON allows (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)",
  InvalidCharacter: "this character is not allowed in a string: escape it",
};

export function syntaxError(file: string, e: ParseError): ConfigError {
  const name = printParseErrorCode(e.error);
  return { file, offset: e.offset, length: Math.max(1, e.length), message: SYNTAX[name] ?? `syntax error (${name})` };
}

/** `/models/0/paths` as the segments jsonc-parser looks up: numbers for array positions. */
export function pointerSegments(pointer: string, tree: Node | undefined): (string | number)[] {
  if (pointer === "") return [];
  const raw = pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  const segments: (string | number)[] = [];
  let node = tree;
  for (const s of raw) {
    const segment = node?.type === "array" ? Number(s) : s;
    segments.push(segment);
    node = node === undefined ? undefined : findNodeAtLocation(node, [segment]);
  }
  return segments;
}

/** `models[0].profiles.ci.maxStates`. */
function readablePath(segments: readonly (string | number)[]): string {
  let out = "";
  for (const s of segments) out += typeof s === "number" ? `[${s}]` : out === "" ? s : `.${s}`;
  return out === "" ? "the top level" : out;
}

interface SchemaNode {
  readonly description?: string;
  readonly examples?: readonly unknown[];
  readonly properties?: Record<string, SchemaNode>;
  readonly enum?: readonly unknown[];
}

function hint(schema: SchemaNode | undefined): string {
  if (schema === undefined) return "";
  const examples = schema.examples?.map((e) => JSON.stringify(e)).join(" or ");
  return (schema.description === undefined ? "" : ` ${schema.description}`) + (examples === undefined ? "" : ` For example ${examples}.`);
}

function typeWords(type: string | string[]): string {
  const one = (t: string) => ({ integer: "a whole number", number: "a number", string: "a string in double quotes", boolean: "true or false", object: "an object { ... }", array: "a list [ ... ]", null: "null" })[t] ?? t;
  return Array.isArray(type) ? type.map(one).join(" or ") : one(type);
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (value === null) return "null";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return `the string ${JSON.stringify(value)}`;
  return `${JSON.stringify(value)}`;
}

/**
 * One message per ajv error (run with `allErrors` and `verbose`, so that each error carries its
 * schema and data), located at the node it is about.
 */
export function schemaErrors(file: string, tree: Node, errors: readonly ErrorObject[]): ConfigError[] {
  const out: ConfigError[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    // A property name that fails `propertyNames` is reported twice by ajv: keep the summary.
    if ((e as { propertyName?: string }).propertyName !== undefined) continue;
    const segments = pointerSegments(e.instancePath, tree);
    const where = readablePath(segments);
    const node = findNodeAtLocation(tree, segments) ?? tree;
    const parent = e.parentSchema as SchemaNode | undefined;
    let at: Node = node;
    let message: string;
    switch (e.keyword) {
      case "additionalProperties": {
        const name = (e.params as { additionalProperty: string }).additionalProperty;
        const value = findNodeAtLocation(tree, [...segments, name]);
        at = value?.parent?.children?.[0] ?? node;
        const allowed = Object.keys(parent?.properties ?? {});
        const guess = suggestName(name, allowed);
        message =
          `unknown property "${name}" in ${where}` +
          (guess !== undefined ? `; did you mean "${guess}"?` : allowed.length > 0 ? `. The properties allowed here are ${allowed.map((a) => `"${a}"`).join(", ")}.` : ": remove it.");
        break;
      }
      case "required": {
        const name = (e.params as { missingProperty: string }).missingProperty;
        message = `${where} is missing "${name}": add it.${hint(parent?.properties?.[name])}`;
        break;
      }
      case "type":
        message = `${where} must be ${typeWords((e.params as { type: string | string[] }).type)}, not ${kindOf(e.data)}.${hint(parent)}`;
        break;
      case "enum": {
        const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map(String);
        const guess = typeof e.data === "string" ? suggestName(e.data, allowed) : undefined;
        message =
          `${where} is ${kindOf(e.data)}; it must be one of ${allowed.map((a) => `"${a}"`).join(", ")}` +
          (guess !== undefined ? `. Did you mean "${guess}"?` : ".");
        break;
      }
      case "pattern":
        message = `${where} is ${kindOf(e.data)}, which is not in the form expected.${hint(parent)}`;
        break;
      case "propertyNames": {
        const name = (e.params as { propertyName: string }).propertyName;
        const value = findNodeAtLocation(tree, [...segments, name]);
        at = value?.parent?.children?.[0] ?? node;
        message = `"${name}" cannot be used as a name in ${where}: use a letter, then letters, digits, '-' or '_'.`;
        break;
      }
      case "minimum":
        message = `${where} must be at least ${(e.params as { limit: number }).limit}, not ${kindOf(e.data)}.${hint(parent)}`;
        break;
      case "minItems":
        message = `${where} must not be empty.${hint(parent)}`;
        break;
      case "minProperties":
        message = `${where} must not be empty: give ${Object.keys(parent?.properties ?? {}).map((p) => `"${p}"`).join(", ") || "a property"}.`;
        break;
      case "minLength":
        message = `${where} must not be an empty string.`;
        break;
      default:
        message = `${where} ${e.message ?? "is not valid"}.`;
    }
    const key = `${at.offset}:${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ file, offset: at.offset, length: Math.max(1, at.type === "object" || at.type === "array" ? 1 : at.length), message });
  }
  return out.sort((a, b) => a.offset - b.offset);
}

/** `pith.json:7:7: error: ...`, the line, and carets under the place. */
export function renderConfigErrors(errors: readonly ConfigError[], text: string, color: boolean): string {
  const source = new SourceFile(errors[0]?.file ?? "pith.json", text);
  const lines: string[] = [];
  for (const e of errors) {
    const p = source.position(e.offset);
    const lineText = source.lineText(p.line);
    const width = Math.max(1, Math.min(e.length, lineText.length - p.column + 1));
    const gutter = " ".repeat(String(p.line).length);
    const red = color ? pc.red : (s: string) => s;
    lines.push(
      `${e.file}:${p.line}:${p.column}: ${red("error")}: ${e.message}`,
      `${gutter} |`,
      `${p.line} | ${lineText}`,
      `${gutter} | ${" ".repeat(p.column - 1)}${red("^".repeat(width))}`,
      "",
    );
  }
  lines.push(`${errors.length} error${errors.length === 1 ? "" : "s"} in ${errors[0]?.file ?? "pith.json"}; docs/config.md describes every field.`, "");
  return lines.join("\n");
}
