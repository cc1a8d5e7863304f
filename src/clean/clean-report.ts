import type pl from "nodejs-polars";

/**
 * One row of a cleaning report: what a step did to the frame.
 * `rowsIn - rowsOut` rows were removed for `reason`; `valuesChanged` counts cells that were
 * rewritten in place (imputation, clipping, derived columns), never rows.
 */
export interface CleanStep {
  /** The verb, e.g. `dropDuplicates`. */
  step: string;
  /** Why rows were removed or values changed, e.g. `exact_duplicate`, `lat_out_of_range`. */
  reason: string;
  rowsIn: number;
  rowsOut: number;
  /** Cells changed without dropping the row (0 when the step only filters). */
  valuesChanged: number;
}

/**
 * The result of every cleaning verb: a new frame (the input is never mutated) and the
 * report rows of what was done.
 *
 * @example
 * ```ts
 * const { frame, report } = dropDuplicates(events);
 * console.table(report);
 * ```
 */
export interface CleanResult {
  frame: pl.DataFrame;
  report: CleanStep[];
}
