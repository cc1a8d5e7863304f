import pl from "nodejs-polars";
import { epochMs, requireDatetime, requireNoNulls } from "../clean/frame-access";
import { COL } from "../schema";
import { splitReport, type SplitResult } from "./split-result";

/** Options of {@link globalTimeSplit}. */
export interface GlobalTimeSplitOptions {
  /**
   * The cut: a `Date`, or a number in (0, 1) read as a quantile of the timestamps (the cut is
   * then the ⌊q·n⌋-th smallest timestamp, 0-based, so about a fraction q of the events is in
   * train; ties at the cut all go to test). Required.
   */
  cut: Date | number;
  /** Column names. Default: `COL.user`, `COL.item`, `COL.ts`. */
  cols?: { user?: string; item?: string; ts?: string };
}

const defaults = {
  cols: { user: COL.user, item: COL.item, ts: COL.ts },
};

/**
 * Global temporal split: train = events strictly before the cut, test = events at or after it.
 * Promise: `"global"` (no test event precedes a training event). Rows keep their input order.
 *
 * @param df event frame (no null timestamps).
 * @param options see {@link GlobalTimeSplitOptions}.
 * @returns `{ train, test, report }` (`report.cut` is the cut as a Date).
 * @example
 * ```ts
 * const { train, test, report } = globalTimeSplit(events, { cut: 0.8 });
 * globalTimeSplit(events, { cut: new Date("2012-10-01T00:00:00Z") });
 * ```
 */
export function globalTimeSplit(df: pl.DataFrame, options: GlobalTimeSplitOptions): SplitResult {
  const cols = { ...defaults.cols, ...options.cols };
  requireDatetime(df, cols.ts, "globalTimeSplit");
  requireNoNulls(df, cols.ts, "globalTimeSplit");
  const cut = options?.cut;
  let cutMs: number;
  if (cut instanceof Date) {
    cutMs = cut.getTime();
    if (!Number.isFinite(cutMs)) throw new Error("cut must be a valid Date or a quantile in (0, 1)");
  } else if (typeof cut === "number" && cut > 0 && cut < 1) {
    if (df.height === 0) throw new Error("globalTimeSplit: a quantile cut needs a non-empty frame");
    const sorted = epochMs(df, cols.ts).sort();
    cutMs = sorted[Math.floor(cut * sorted.length)];
  } else {
    throw new Error(`cut must be a Date or a quantile in (0, 1), got ${String(cut)}`);
  }
  const before = pl.col(cols.ts).lt(pl.lit(new Date(cutMs)));
  const train = df.filter(before);
  const test = df.filter(before.not());
  return { train, test, report: splitReport("globalTimeSplit", "global", train, test, { rowsIn: df.height, cut: new Date(cutMs), cols }) };
}
