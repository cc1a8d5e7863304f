import pl from "nodejs-polars";
import type { CleanStep } from "./clean-report";
import type { NotedCleanStep } from "./noted-step";

/**
 * A cleaning report as a table for notebooks: one row per report entry with columns
 * `step`, `reason`, `rows_in`, `rows_out`, `dropped` (= rows_in − rows_out), `values_changed`
 * and `note` (null when the step gave none).
 *
 * @param report report rows, e.g. `cleanPipeline(...).report`.
 * @returns a DataFrame (zero rows for an empty report).
 * @example
 * ```ts
 * const { frame, report } = cleanPipeline(events, defaultCleaning());
 * reportFrame(report);
 * // ┌───────────────┬────────────────┬─────────┬──────────┬─────────┬────────────────┬──────┐
 * // │ step          ┆ reason         ┆ rows_in ┆ rows_out ┆ dropped ┆ values_changed ┆ note │
 * ```
 */
export function reportFrame(report: readonly CleanStep[]): pl.DataFrame {
  return pl.DataFrame([
    pl.Series("step", report.map((r) => r.step), pl.String),
    pl.Series("reason", report.map((r) => r.reason), pl.String),
    pl.Series("rows_in", report.map((r) => r.rowsIn), pl.Int64),
    pl.Series("rows_out", report.map((r) => r.rowsOut), pl.Int64),
    pl.Series("dropped", report.map((r) => r.rowsIn - r.rowsOut), pl.Int64),
    pl.Series("values_changed", report.map((r) => r.valuesChanged), pl.Int64),
    pl.Series("note", report.map((r) => (r as NotedCleanStep).note ?? null), pl.String),
  ]);
}
