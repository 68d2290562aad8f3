// Looking through the IR of code and formulas: every statement and expression node below a root,
// without descending into types or spans.

/** Whether some node below `root` satisfies `test` (which may also just look at every node and return false). */
export function someNode(root: unknown, test: (node: Readonly<Record<string, unknown>>) => boolean): boolean {
  if (Array.isArray(root)) return root.some((x) => someNode(x, test));
  if (root === null || typeof root !== "object") return false;
  const o = root as Record<string, unknown>;
  if (test(o)) return true;
  return Object.entries(o).some(([key, value]) => key !== "type" && key !== "span" && someNode(value, test));
}
