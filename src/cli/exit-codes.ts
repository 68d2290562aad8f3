// Exit codes, as DESIGN.md fixes them (and as TLC users expect them to be distinct).

/** Everything checked is fine. */
export const EXIT_OK = 0;
/** A property was violated, a proof failed or a conformance check found a mismatch. */
export const EXIT_VIOLATION = 1;
/** Usage, configuration or static errors in a model: nothing was checked. */
export const EXIT_USAGE = 2;
/** A budget ran out before the search finished, and the user asked for that to fail. */
export const EXIT_INCONCLUSIVE = 3;

/** Interrupted (Ctrl-C): the results so far were printed; 128 + SIGINT, as shells report it. */
export const EXIT_INTERRUPTED = 130;
