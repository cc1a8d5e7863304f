import type { CleanStep } from "./clean-report";

/**
 * A {@link CleanStep} with an optional human note (e.g. `"3 iterations"`, `"12 rows left null:
 * missing_tz_offset"`). It is a `CleanStep`, so it goes anywhere one does; `reportFrame` shows
 * the note in its `note` column.
 *
 * @example
 * ```ts
 * const step: NotedCleanStep = { step: "kCore", reason: "below_k_core", rowsIn: 100, rowsOut: 80, valuesChanged: 0, note: "2 iterations" };
 * ```
 */
export interface NotedCleanStep extends CleanStep {
  /** Free text for people; never parsed. */
  note?: string;
}
