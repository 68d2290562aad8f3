// DynamoDB's expression language, the parts the service supports: condition expressions
// (comparisons, BETWEEN, IN, AND/OR/NOT, attribute_exists, attribute_not_exists, attribute_type,
// begins_with, contains, size) and update expressions (SET with +, -, if_not_exists and
// list_append; REMOVE; ADD; DELETE), with #name and :value placeholders. Placeholders that are
// not used are an error, as in DynamoDB.
import { ValidationError } from "./errors.ts";
import { compare, equal, typeOf, validateValue, type AttributeValue, type Item } from "./values.ts";

type PathStep = { readonly name: string } | { readonly index: number };
type Path = readonly PathStep[];

type Operand =
  | { readonly kind: "path"; readonly path: Path }
  | { readonly kind: "value"; readonly value: AttributeValue }
  | { readonly kind: "size"; readonly path: Path }
  | { readonly kind: "if_not_exists"; readonly path: Path; readonly fallback: Operand }
  | { readonly kind: "list_append"; readonly left: Operand; readonly right: Operand }
  | { readonly kind: "arith"; readonly op: "+" | "-"; readonly left: Operand; readonly right: Operand };

type Condition =
  | { readonly kind: "and" | "or"; readonly left: Condition; readonly right: Condition }
  | { readonly kind: "not"; readonly operand: Condition }
  | { readonly kind: "compare"; readonly op: string; readonly left: Operand; readonly right: Operand }
  | { readonly kind: "between"; readonly operand: Operand; readonly low: Operand; readonly high: Operand }
  | { readonly kind: "in"; readonly operand: Operand; readonly options: readonly Operand[] }
  | { readonly kind: "call"; readonly name: string; readonly args: readonly Operand[] };

type UpdateAction =
  | { readonly kind: "set"; readonly path: Path; readonly value: Operand }
  | { readonly kind: "remove"; readonly path: Path }
  | { readonly kind: "add" | "delete"; readonly path: Path; readonly value: Operand };

/** The placeholders a request supplies, and which of them its expressions used. */
export class Placeholders {
  readonly #names: Record<string, string>;
  readonly #values: Record<string, AttributeValue>;
  readonly #usedNames = new Set<string>();
  readonly #usedValues = new Set<string>();

  constructor(names: unknown, values: unknown) {
    this.#names = (names ?? {}) as Record<string, string>;
    this.#values = {};
    for (const [k, v] of Object.entries((values ?? {}) as Record<string, unknown>)) {
      this.#values[k] = validateValue(v, `ExpressionAttributeValues.${k}`);
    }
  }

  name(token: string): string {
    const name = this.#names[token];
    if (name === undefined) throw new ValidationError(`Value provided in ExpressionAttributeNames unused in expressions or undefined: ${token} is not defined`);
    this.#usedNames.add(token);
    return name;
  }

  value(token: string): AttributeValue {
    const value = this.#values[token];
    if (value === undefined) throw new ValidationError(`An expression attribute value used in expression is not defined; attribute value: ${token}`);
    this.#usedValues.add(token);
    return value;
  }

  /** Throws when the request defines a placeholder that no expression used. */
  checkAllUsed(): void {
    const names = Object.keys(this.#names).filter((n) => !this.#usedNames.has(n));
    if (names.length > 0) throw new ValidationError(`Value provided in ExpressionAttributeNames unused in expressions: keys: {${names.join(", ")}}`);
    const values = Object.keys(this.#values).filter((v) => !this.#usedValues.has(v));
    if (values.length > 0) throw new ValidationError(`Value provided in ExpressionAttributeValues unused in expressions: keys: {${values.join(", ")}}`);
  }
}

// ---- Lexing and parsing ----

const TOKEN = /\s*(?:([#:][A-Za-z0-9_]+)|([A-Za-z_][A-Za-z0-9_]*)|(\d+)|(<>|<=|>=|[=<>(),.+\-[\]]))/y;

class Parser {
  readonly #tokens: string[] = [];
  #at = 0;
  readonly #text: string;
  readonly #placeholders: Placeholders;

  constructor(text: string, placeholders: Placeholders, what: string) {
    this.#text = text;
    this.#placeholders = placeholders;
    TOKEN.lastIndex = 0;
    while (TOKEN.lastIndex < text.length) {
      const start = TOKEN.lastIndex;
      const m = TOKEN.exec(text);
      if (m === null) {
        if (text.slice(start).trim() === "") break;
        throw new ValidationError(`Invalid ${what}: Syntax error; token: "${text.slice(start).trim().slice(0, 10)}", near: "${text.slice(start).trim().slice(0, 20)}"`);
      }
      this.#tokens.push(m[1] ?? m[2] ?? m[3] ?? m[4]);
    }
    if (this.#tokens.length === 0) throw new ValidationError(`Invalid ${what}: The expression can not be empty;`);
  }

  peek(): string | undefined {
    return this.#tokens[this.#at];
  }

  keyword(word: string): boolean {
    if (this.peek()?.toUpperCase() !== word) return false;
    this.#at++;
    return true;
  }

  expect(token: string): void {
    if (this.peek() !== token) this.fail(`expected "${token}"`);
    this.#at++;
  }

  fail(what: string): never {
    const near = this.peek() ?? "end of expression";
    throw new ValidationError(`Invalid expression: Syntax error; ${what} near "${near}" in "${this.#text}"`);
  }

  done(): boolean {
    return this.#at >= this.#tokens.length;
  }

  condition(): Condition {
    let left = this.conjunction();
    while (this.keyword("OR")) left = { kind: "or", left, right: this.conjunction() };
    return left;
  }

  conjunction(): Condition {
    let left = this.negation();
    while (this.keyword("AND")) left = { kind: "and", left, right: this.negation() };
    return left;
  }

  negation(): Condition {
    if (this.keyword("NOT")) return { kind: "not", operand: this.negation() };
    if (this.peek() === "(") {
      this.#at++;
      const inner = this.condition();
      this.expect(")");
      return inner;
    }
    const name = this.peek()?.toLowerCase();
    if (name !== undefined && CONDITION_FUNCTIONS.has(name) && this.#tokens[this.#at + 1] === "(") {
      this.#at++;
      return { kind: "call", name, args: this.arguments() };
    }
    const left = this.operand();
    if (this.keyword("BETWEEN")) {
      const low = this.operand();
      if (!this.keyword("AND")) this.fail("expected AND in BETWEEN");
      return { kind: "between", operand: left, low, high: this.operand() };
    }
    if (this.keyword("IN")) return { kind: "in", operand: left, options: this.arguments() };
    const op = this.peek();
    if (op === undefined || !["=", "<>", "<", "<=", ">", ">="].includes(op)) this.fail("expected a comparison");
    this.#at++;
    return { kind: "compare", op, left, right: this.operand() };
  }

  arguments(): Operand[] {
    this.expect("(");
    const args = [this.value()];
    while (this.peek() === ",") {
      this.#at++;
      args.push(this.value());
    }
    this.expect(")");
    return args;
  }

  /** An operand, possibly with + or - (only meaningful in SET). */
  value(): Operand {
    let left = this.operand();
    while (this.peek() === "+" || this.peek() === "-") {
      const op = this.peek() as "+" | "-";
      this.#at++;
      left = { kind: "arith", op, left, right: this.operand() };
    }
    return left;
  }

  operand(): Operand {
    const token = this.peek();
    if (token === undefined) this.fail("expected an operand");
    if (token.startsWith(":")) {
      this.#at++;
      return { kind: "value", value: this.#placeholders.value(token) };
    }
    const fn = token.toLowerCase();
    if (this.#tokens[this.#at + 1] === "(" && (fn === "size" || fn === "if_not_exists" || fn === "list_append")) {
      this.#at++;
      const args = this.arguments();
      if (fn === "size" && args.length === 1 && args[0].kind === "path") return { kind: "size", path: args[0].path };
      if (fn === "if_not_exists" && args.length === 2 && args[0].kind === "path") return { kind: "if_not_exists", path: args[0].path, fallback: args[1] };
      if (fn === "list_append" && args.length === 2) return { kind: "list_append", left: args[0], right: args[1] };
      this.fail(`wrong arguments to ${fn}`);
    }
    return { kind: "path", path: this.path() };
  }

  path(): Path {
    const steps: PathStep[] = [{ name: this.name() }];
    for (;;) {
      if (this.peek() === ".") {
        this.#at++;
        steps.push({ name: this.name() });
      } else if (this.peek() === "[") {
        this.#at++;
        const index = this.peek();
        if (index === undefined || !/^\d+$/.test(index)) this.fail("expected a list index");
        this.#at++;
        this.expect("]");
        steps.push({ index: Number(index) });
      } else {
        return steps;
      }
    }
  }

  name(): string {
    const token = this.peek();
    if (token === undefined || token.startsWith(":") || !/^[#A-Za-z_]/.test(token)) this.fail("expected an attribute name");
    this.#at++;
    if (token.startsWith("#")) return this.#placeholders.name(token);
    if (RESERVED.has(token.toUpperCase())) {
      throw new ValidationError(`Invalid expression: Attribute name is a reserved keyword; reserved keyword: ${token}`);
    }
    return token;
  }

  update(): UpdateAction[] {
    const actions: UpdateAction[] = [];
    const seen = new Set<string>();
    while (!this.done()) {
      const clause = this.peek()?.toUpperCase();
      if (clause === undefined || !["SET", "REMOVE", "ADD", "DELETE"].includes(clause)) this.fail("expected SET, REMOVE, ADD or DELETE");
      if (seen.has(clause)) throw new ValidationError(`Invalid UpdateExpression: The "${clause}" section can only be used once in an update expression;`);
      seen.add(clause);
      this.#at++;
      do {
        if (actions.length > 0 && this.peek() === ",") this.#at++;
        const path = this.path();
        if (clause === "SET") {
          this.expect("=");
          actions.push({ kind: "set", path, value: this.value() });
        } else if (clause === "REMOVE") {
          actions.push({ kind: "remove", path });
        } else {
          actions.push({ kind: clause === "ADD" ? "add" : "delete", path, value: this.operand() });
        }
      } while (this.peek() === ",");
    }
    return actions;
  }
}

const CONDITION_FUNCTIONS = new Set(["attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains"]);
const RESERVED = new Set(["AND", "OR", "NOT", "BETWEEN", "IN", "SET", "REMOVE", "ADD", "DELETE", "SIZE", "VALUE", "DATA", "NAME", "STATUS", "KEY", "TIMESTAMP", "COUNT"]);

/** A parsed condition expression, ready to evaluate against an item (or its absence). */
export function parseCondition(text: string, placeholders: Placeholders): (item: Item | undefined) => boolean {
  const parser = new Parser(text, placeholders, "ConditionExpression");
  const condition = parser.condition();
  if (!parser.done()) parser.fail("unexpected token");
  return (item) => evaluate(condition, item ?? {});
}

/** A parsed update expression, ready to apply to a copy of an item. */
export function parseUpdate(text: string, placeholders: Placeholders): (item: Item) => Item {
  const parser = new Parser(text, placeholders, "UpdateExpression");
  const actions = parser.update();
  return (item) => {
    const next = structuredClone(item);
    for (const action of actions) apply(action, item, next);
    return next;
  };
}

/** A parsed projection expression: the item with only the named attributes. */
export function parseProjection(text: string, placeholders: Placeholders): (item: Item) => Item {
  const parser = new Parser(text, placeholders, "ProjectionExpression");
  const paths = [parser.path()];
  while (parser.peek() === ",") {
    parser.expect(",");
    paths.push(parser.path());
  }
  if (!parser.done()) parser.fail("unexpected token");
  return (item) => {
    const out: Item = {};
    for (const path of paths) {
      const value = resolve(item, path);
      if (value !== undefined) assign(out, path, value, true);
    }
    return out;
  };
}

// ---- Evaluation ----

function resolve(item: Item, path: Path): AttributeValue | undefined {
  let current: AttributeValue | undefined = { M: item };
  for (const step of path) {
    if (current === undefined) return undefined;
    current = child(current, step);
  }
  return current;
}

function operandValue(operand: Operand, item: Item): AttributeValue | undefined {
  switch (operand.kind) {
    case "path":
      return resolve(item, operand.path);
    case "value":
      return operand.value;
    case "size": {
      const v = resolve(item, operand.path);
      if (v === undefined) return undefined;
      const inner = (v as Record<string, unknown>)[typeOf(v)];
      const size = "S" in v ? Buffer.byteLength(v.S) : "B" in v ? Buffer.from(v.B, "base64").length : "M" in v ? Object.keys(v.M).length : Array.isArray(inner) ? inner.length : undefined;
      return size === undefined ? undefined : { N: String(size) };
    }
    case "if_not_exists":
      return resolve(item, operand.path) ?? operandValue(operand.fallback, item);
    case "list_append": {
      const l = operandValue(operand.left, item);
      const r = operandValue(operand.right, item);
      if (l === undefined || r === undefined || !("L" in l) || !("L" in r)) {
        throw new ValidationError("Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: list_append");
      }
      return { L: [...l.L, ...r.L] };
    }
    case "arith": {
      const l = operandValue(operand.left, item);
      const r = operandValue(operand.right, item);
      if (l === undefined || r === undefined) {
        throw new ValidationError("The provided expression refers to an attribute that does not exist in the item");
      }
      if (!("N" in l) || !("N" in r)) {
        throw new ValidationError(`An operand in the update expression has an incorrect data type`);
      }
      return { N: formatNumber(operand.op === "+" ? Number(l.N) + Number(r.N) : Number(l.N) - Number(r.N)) };
    }
  }
}

function formatNumber(n: number): string {
  return String(Number(n.toPrecision(15)));
}

function evaluate(c: Condition, item: Item): boolean {
  switch (c.kind) {
    case "and":
      return evaluate(c.left, item) && evaluate(c.right, item);
    case "or":
      return evaluate(c.left, item) || evaluate(c.right, item);
    case "not":
      return !evaluate(c.operand, item);
    case "compare": {
      const l = operandValue(c.left, item);
      const r = operandValue(c.right, item);
      if (l === undefined || r === undefined) return false;
      if (c.op === "=") return equal(l, r);
      if (c.op === "<>") return !equal(l, r);
      const order = compare(l, r);
      if (order === undefined) return false;
      return c.op === "<" ? order < 0 : c.op === "<=" ? order <= 0 : c.op === ">" ? order > 0 : order >= 0;
    }
    case "between": {
      const v = operandValue(c.operand, item);
      const low = operandValue(c.low, item);
      const high = operandValue(c.high, item);
      if (v === undefined || low === undefined || high === undefined) return false;
      const a = compare(v, low);
      const b = compare(v, high);
      return a !== undefined && b !== undefined && a >= 0 && b <= 0;
    }
    case "in": {
      const v = operandValue(c.operand, item);
      return v !== undefined && c.options.some((o) => {
        const option = operandValue(o, item);
        return option !== undefined && equal(v, option);
      });
    }
    case "call":
      return call(c.name, c.args, item);
  }
}

function call(name: string, args: readonly Operand[], item: Item): boolean {
  const [first, second] = args;
  const pathOf = (o: Operand | undefined): Path => {
    if (o?.kind !== "path") throw new ValidationError(`Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: ${name}`);
    return o.path;
  };
  const arity = name === "attribute_exists" || name === "attribute_not_exists" ? 1 : 2;
  if (args.length !== arity) {
    throw new ValidationError(`Invalid ConditionExpression: Incorrect number of operands for operator or function; operator or function: ${name}, number of operands: ${args.length}`);
  }
  const v = resolve(item, pathOf(first));
  if (name === "attribute_exists") return v !== undefined;
  if (name === "attribute_not_exists") return v === undefined;
  const operand = operandValue(second, item);
  if (v === undefined || operand === undefined) return false;
  if (name === "attribute_type") return "S" in operand && typeOf(v) === operand.S;
  if (name === "begins_with") {
    if ("S" in v && "S" in operand) return v.S.startsWith(operand.S);
    return "B" in v && "B" in operand && Buffer.from(v.B, "base64").subarray(0, Buffer.from(operand.B, "base64").length).equals(Buffer.from(operand.B, "base64"));
  }
  // contains
  if ("S" in v && "S" in operand) return v.S.includes(operand.S);
  if ("L" in v) return v.L.some((e) => equal(e, operand));
  const members = "SS" in v ? v.SS : "NS" in v ? v.NS : "BS" in v ? v.BS : undefined;
  if (members === undefined) return false;
  const inner = (operand as Record<string, unknown>)[typeOf(operand)];
  return typeof inner === "string" && members.some((m) => equal({ [typeOf(v)[0]]: m } as AttributeValue, { [typeOf(operand)]: inner } as AttributeValue));
}

/** The value one step below `container`, if there is one. */
function child(container: AttributeValue, step: PathStep): AttributeValue | undefined {
  if ("name" in step) return "M" in container ? container.M[step.name] : undefined;
  return "L" in container ? container.L[step.index] : undefined;
}

/** Writes `value` at `path` (undefined removes it); with `create`, missing maps and lists on the way are made. */
function assign(item: Item, path: Path, value: AttributeValue | undefined, create = false): void {
  const invalid = () => new ValidationError("The document path provided in the update expression is invalid for update");
  let container: AttributeValue = { M: item };
  for (let i = 0; i < path.length - 1; i++) {
    let next = child(container, path[i]);
    if (next === undefined && create) {
      next = "name" in path[i + 1] ? { M: {} } : { L: [] };
      put(container, path[i], next, invalid);
    }
    if (next === undefined) throw invalid();
    container = next;
  }
  put(container, path[path.length - 1], value, invalid);
}

function put(container: AttributeValue, step: PathStep, value: AttributeValue | undefined, invalid: () => Error): void {
  if ("name" in step) {
    if (!("M" in container)) throw invalid();
    if (value === undefined) delete container.M[step.name];
    else container.M[step.name] = value;
  } else {
    if (!("L" in container)) throw invalid();
    if (value === undefined) container.L.splice(step.index, 1);
    else if (step.index >= container.L.length) container.L.push(value);
    else container.L[step.index] = value;
  }
}

function apply(action: UpdateAction, before: Item, next: Item): void {
  if (action.kind === "remove") return assign(next, action.path, undefined);
  const value = operandValue(action.value, before);
  if (value === undefined) throw new ValidationError("The provided expression refers to an attribute that does not exist in the item");
  if (action.kind === "set") return assign(next, action.path, value);
  const current = resolve(next, action.path);
  if (action.kind === "add") {
    if ("N" in value) {
      if (current !== undefined && !("N" in current)) throw new ValidationError("An operand in the update expression has an incorrect data type");
      return assign(next, action.path, { N: formatNumber(Number(current?.N ?? 0) + Number(value.N)) });
    }
    return assign(next, action.path, setOperation(current, value, (a, b) => [...a, ...b.filter((e) => !a.includes(e))]));
  }
  const remaining = setOperation(current, value, (a, b) => a.filter((e) => !b.includes(e)));
  assign(next, action.path, remaining !== undefined && (Object.values(remaining)[0] as string[]).length === 0 ? undefined : remaining);
}

function setOperation(current: AttributeValue | undefined, value: AttributeValue, combine: (a: string[], b: string[]) => string[]): AttributeValue | undefined {
  const type = typeOf(value);
  if (type !== "SS" && type !== "NS" && type !== "BS") throw new ValidationError("An operand in the update expression has an incorrect data type");
  if (current !== undefined && typeOf(current) !== type) throw new ValidationError("An operand in the update expression has an incorrect data type");
  const a = current === undefined ? [] : ((current as Record<string, string[]>)[type] ?? []);
  const b = (value as Record<string, string[]>)[type];
  return { [type]: combine(a, b) } as AttributeValue;
}
