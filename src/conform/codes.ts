// The conformance codes (6xxx, defined in the diagnostic registry) as `pith conform` and
// `pith link` report them.
import { codeName } from "../diagnostics/codes.ts";
import { formatMessage } from "../diagnostics/diagnostic.ts";
import { conformCodes } from "../diagnostics/codes/conform.ts";

export { conformCodes };

export type ConformCode = keyof typeof conformCodes;

/** `PTH6001`. */
export function conformCodeName(code: ConformCode): string {
  return codeName(code);
}

/** The message of `code` with its arguments in place. */
export function conformMessage(code: ConformCode, args: readonly (string | number)[]): string {
  return formatMessage(code, args);
}
