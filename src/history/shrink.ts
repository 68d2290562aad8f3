// Shrinking a failing history to a minimal one, by delta debugging (Zeller's ddmin): first the
// shortest failing prefix (by invocation) and then suffix, found by bisection, then ever smaller chunks removed
// while the rest still fails. The result is 1-minimal: removing any single operation makes it
// pass. Deterministic: chunks are tried in order, and nothing is random.

/** The smallest prefix of `items` that still fails, assuming longer prefixes fail when shorter ones do. */
function shortestFailingPrefix<T>(items: readonly T[], fails: (candidate: readonly T[]) => boolean): readonly T[] {
  let lo = 1;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (fails(items.slice(0, mid))) hi = mid;
    else lo = mid + 1;
  }
  return hi < items.length && fails(items.slice(0, hi)) ? items.slice(0, hi) : items;
}

/** The shortest failing suffix of `items`, found the same way. */
function shortestFailingSuffix<T>(items: readonly T[], fails: (candidate: readonly T[]) => boolean): readonly T[] {
  let lo = 0;
  let hi = items.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (fails(items.slice(mid))) lo = mid;
    else hi = mid - 1;
  }
  return lo > 0 && fails(items.slice(lo)) ? items.slice(lo) : items;
}

/** A 1-minimal sub-list of `items` (which must fail) that still fails. */
export function shrinkFailing<T>(items: readonly T[], fails: (candidate: readonly T[]) => boolean): readonly T[] {
  let current = shortestFailingSuffix(shortestFailingPrefix(items, fails), fails);
  let chunks = 2;
  while (current.length >= 2) {
    const size = Math.ceil(current.length / chunks);
    let reduced = false;
    for (let start = 0; start < current.length; start += size) {
      const rest = [...current.slice(0, start), ...current.slice(start + size)];
      if (rest.length > 0 && fails(rest)) {
        current = rest;
        chunks = Math.max(chunks - 1, 2);
        reduced = true;
        break;
      }
    }
    if (reduced) continue;
    if (chunks >= current.length) break;
    chunks = Math.min(chunks * 2, current.length);
  }
  return current;
}
