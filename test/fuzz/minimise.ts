// Running the front end on a fuzzed input, and shrinking an input that makes it throw. A crash is
// identified by its signature (the error's class, its message with numbers masked, and the
// function and file it was thrown from; for a stack overflow, the phase), so that shrinking keeps
// the same bug instead of sliding to another. Shrinking deletes whole files, then whole items (a
// declaration, a member, a statement) or unwraps an item's body, then runs of lines and runs of
// tokens (delta debugging), and last squeezes the whitespace.
import { join } from "node:path";
import { frontEnd } from "../../src/driver.ts";
import { SourceFile } from "../../src/diagnostics/source.ts";
import { lexer } from "../../src/syntax/tokens.ts";

/** The repository's src folder, as it appears in stack traces. */
const SRC = join(import.meta.dirname, "..", "..", "src") + "/";

export interface ModelFile {
  readonly path: string;
  readonly text: string;
}

/** Runs parse, check and lower; returns the crash's signature, or undefined when nothing threw. */
export function crashOf(files: readonly ModelFile[]): string | undefined {
  try {
    frontEnd(files.map((f) => new SourceFile(f.path, f.text)));
    return undefined;
  } catch (error) {
    return signature(error);
  }
}

export function signature(error: unknown): string {
  if (!(error instanceof Error)) return `non-error thrown: ${String(error)}`;
  if (error instanceof RangeError && error.message.includes("call stack")) {
    // A stack overflow stops at whatever frame the stack ran out in: name the phase instead.
    const stack = error.stack ?? "";
    const at = stack.indexOf(SRC);
    const phase = at < 0 ? "?" : stack.slice(at + SRC.length).split("/")[0];
    return `RangeError: ${error.message} (in src/${phase})`;
  }
  const frame = (error.stack ?? "").split("\n").find((line) => line.trimStart().startsWith("at ")) ?? "";
  // `at fn (file:///.../src/x.ts:1:2)` or `at /.../src/x.ts:1:2`: keep the function and the path in the repository.
  const match = /^\s*at (?:(.*?) \()?(.*?)(?::\d+:\d+)?\)?$/.exec(frame);
  const fn = match?.[1] ?? "<anonymous>";
  const file = (match?.[2] ?? "?").replace(/^.*?\/((?:src|test|node_modules)\/)/, "$1");
  return `${error.name}: ${error.message.replace(/\d+/g, "N")} (at ${fn} ${file})`;
}

/** The smallest input found that still crashes with `wanted`'s signature. */
export function minimise(files: readonly ModelFile[], wanted = crashOf(files)): ModelFile[] {
  if (wanted === undefined) throw new Error("the input does not crash the front end");
  const fails = (candidate: readonly ModelFile[]) => crashOf(candidate) === wanted;
  let current = [...files];
  current = shrinkList(current, (kept) => kept.length > 0 && fails(kept));
  for (let i = 0; i < current.length; i++) {
    const withText = (text: string) => current.map((f, j) => (j === i ? { path: f.path, text } : f));
    let text = current[i].text;
    text = shrinkItems(text, (t) => fails(withText(t)));
    text = shrinkUnits(text, lineUnits(text), (t) => fails(withText(t)));
    text = shrinkUnits(text, tokenUnits(text), (t) => fails(withText(t)));
    const squeezed = text.replace(/\s+/g, " ").trim();
    if (squeezed !== text && fails(withText(squeezed))) text = squeezed;
    current = withText(text);
  }
  return current;
}

/** Delta debugging over a list: removes runs of decreasing length while `ok` holds. */
function shrinkList<T>(items: readonly T[], ok: (kept: T[]) => boolean): T[] {
  let current = [...items];
  for (let size = Math.max(1, current.length >> 1); size >= 1; size = size === 1 ? 0 : size >> 1) {
    let changed = true;
    while (changed) {
      changed = false;
      for (let i = 0; i < current.length; i += size) {
        const kept = [...current.slice(0, i), ...current.slice(i + size)];
        if (ok(kept)) {
          current = kept;
          changed = true;
          i -= size;
        }
      }
    }
  }
  return current;
}

/**
 * Deletes items, or replaces an item by the body between its first `{` and the matching `}`
 * (unwrapping a statement from the `if`, loop or handler around it), while `ok` holds. Edits are
 * found again after each success and tried in order of their start, outer before inner, so one pass
 * costs about one run per edit.
 */
function shrinkItems(text: string, ok: (text: string) => boolean): string {
  let changed = true;
  while (changed) {
    changed = false;
    let from = 0;
    for (;;) {
      const apply = (e: Edit) => text.slice(0, e.start) + e.replacement + text.slice(e.end);
      const next = itemEdits(text).find((e) => e.start >= from && ok(apply(e)));
      if (next === undefined) break;
      text = apply(next);
      from = next.start;
      changed = true;
    }
  }
  return text;
}

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly replacement: string;
}

/** Items start after `;`, `{` or `}` and end at a `;` or a matching `}` at their own depth. */
function itemEdits(text: string): Edit[] {
  const tokens = lexer.tokenize(text).tokens;
  const edits: Edit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const before = i === 0 ? ";" : tokens[i - 1].image;
    if (before !== ";" && before !== "{" && before !== "}") continue;
    let depth = 0;
    let body: number | undefined;
    for (let j = i; j < tokens.length; j++) {
      const image = tokens[j].image;
      if (image === "{" && depth === 0 && body === undefined) body = j;
      if (image === "{" || image === "(" || image === "[") depth++;
      else if (image === "}" || image === ")" || image === "]") depth--;
      if (depth < 0) break;
      if ((depth === 0 && (image === ";" || image === "}")) || j === tokens.length - 1) {
        const start = tokens[i].startOffset;
        const end = tokens[j].startOffset + tokens[j].image.length;
        edits.push({ start, end, replacement: "" });
        if (body !== undefined && image === "}" && body < j - 1) {
          edits.push({ start, end, replacement: text.slice(tokens[body + 1].startOffset, tokens[j].startOffset) });
        }
        break;
      }
    }
  }
  return edits;
}

type Unit = readonly [start: number, end: number];

/** Shrinks text by deleting units (spans of it), as `shrinkList` does. */
function shrinkUnits(text: string, units: readonly Unit[], ok: (text: string) => boolean): string {
  const render = (kept: readonly Unit[]) => {
    const keep = new Set(kept);
    let out = "";
    let at = 0;
    for (const u of units) {
      if (keep.has(u)) continue;
      out += text.slice(at, u[0]);
      at = u[1];
    }
    return out + text.slice(at);
  };
  const kept = shrinkList(units, (k) => ok(render(k)));
  return render(kept);
}

function lineUnits(text: string): Unit[] {
  const units: Unit[] = [];
  let start = 0;
  for (const line of text.split("\n")) {
    units.push([start, Math.min(text.length, start + line.length + 1)]);
    start += line.length + 1;
  }
  return units;
}

/** Every token, and every stretch between tokens that the lexer skipped or could not read. */
function tokenUnits(text: string): Unit[] {
  const units: Unit[] = [];
  let at = 0;
  for (const token of lexer.tokenize(text).tokens) {
    if (token.startOffset > at) units.push([at, token.startOffset]);
    units.push([token.startOffset, token.startOffset + token.image.length]);
    at = token.startOffset + token.image.length;
  }
  if (at < text.length) units.push([at, text.length]);
  return units;
}
