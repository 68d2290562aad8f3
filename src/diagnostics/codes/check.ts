// Diagnostic codes 4000-4999: model checking (options and tests that cannot be run).
import type { CodeEntry } from "./entry.ts";

export const checkCodes = {} as const satisfies Record<number, CodeEntry>;
