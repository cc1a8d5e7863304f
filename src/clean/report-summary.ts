import type { CleanStep } from "./clean-report";

/** Rows dropped and values changed per `step.reason`, from a cleaning report. */
export interface CleanSummary {
  rowsIn: number;
  rowsOut: number;
  /** `"step.reason"` → rows removed (only non-zero entries). */
  dropped: Record<string, number>;
  /** `"step.reason"` → values changed in place (only non-zero entries). */
  changed: Record<string, number>;
}

/**
 * Condenses a cleaning report into counts keyed by `step.reason` (handy for `record()` and tests).
 *
 * @example
 * ```ts
 * summarizeCleaning(cleaned.report).dropped; // { "dropDuplicates.exact_duplicate": 133, … }
 * ```
 */
export function summarizeCleaning(report: readonly CleanStep[]): CleanSummary {
  const dropped: Record<string, number> = {};
  const changed: Record<string, number> = {};
  for (const s of report) {
    const key = `${s.step}.${s.reason}`;
    if (s.rowsIn > s.rowsOut) dropped[key] = (dropped[key] ?? 0) + s.rowsIn - s.rowsOut;
    if (s.valuesChanged > 0) changed[key] = (changed[key] ?? 0) + s.valuesChanged;
  }
  return {
    rowsIn: report.length ? report[0].rowsIn : 0,
    rowsOut: report.length ? report[report.length - 1].rowsOut : 0,
    dropped,
    changed,
  };
}
