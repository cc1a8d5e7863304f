import pl from "nodejs-polars";
import type { RegularSeries } from "../timeseries/series-values";
import { precisionRecall, type PrecisionRecall } from "../util/precision-recall";
import type { GroundTruth } from "./truth";

/**
 * Calendar dates (`YYYY-MM-DD`) of series buckets: bucket i starts at `start + i · step`. For a
 * series built on local time (`ts_local`) these are local dates.
 *
 * @example
 * ```ts
 * bucketDates(daily, [38, 46]); // ["2024-04-08", "2024-04-16"]
 * ```
 */
export function bucketDates(series: Pick<RegularSeries, "start" | "stepMs">, indices: readonly number[]): string[] {
  return indices.map((i) => new Date(series.start.getTime() + i * series.stepMs).toISOString().slice(0, 10));
}

/**
 * How well anomaly days found on a daily series match the anomaly days planted in the sample.
 *
 * @example
 * ```ts
 * const found = seasonalAnomalies(daily.values, { period: 7 }).anomalies;
 * anomalyRecovery(daily, found, truth); // { precision: 1, recall: 1, … }
 * ```
 */
export function anomalyRecovery(daily: Pick<RegularSeries, "start" | "stepMs">, found: readonly number[], truth: GroundTruth): PrecisionRecall {
  return precisionRecall(bucketDates(daily, found), truth.anomalies.map((a) => a.date));
}

/** What {@link cycleRecovery} returns. */
export interface CycleRecovery {
  /** Users with a planted purchase cycle. */
  planted: number;
  /** Of those, users with an estimate. */
  estimated: number;
  /** Of those, estimates within the tolerance of the planted period. */
  withinTolerance: number;
  /** withinTolerance / planted. */
  share: number;
  /** One row per planted user: user, planted_days, median_days (null when not estimated), error_days. */
  table: pl.DataFrame;
}

/**
 * Compares per-user cycle estimates (`repeatCycle` output: `user`, `median_days`) with the
 * purchase cycles planted in the sample.
 *
 * @param toleranceDays |estimate − planted| allowed. Default 2.
 * @example
 * ```ts
 * cycleRecovery(repeatCycle(events), truth).share; // 1
 * ```
 */
export function cycleRecovery(cycles: pl.DataFrame, truth: GroundTruth, toleranceDays = 2): CycleRecovery {
  const plantedUsers = truth.users.filter((u) => u.purchaseCycle);
  const planted = pl.DataFrame({
    user: plantedUsers.map((u) => u.user),
    planted_days: plantedUsers.map((u) => u.purchaseCycle!.periodDays),
  });
  const table = planted
    .join(cycles.select("user", "median_days"), { on: "user", how: "left" })
    .withColumns(pl.col("median_days").sub(pl.col("planted_days")).abs().alias("error_days"))
    .sort("user");
  const errors = table.getColumn("error_days").toArray() as (number | null)[];
  const estimated = errors.filter((e) => e !== null).length;
  const within = errors.filter((e) => e !== null && e <= toleranceDays).length;
  return { planted: plantedUsers.length, estimated, withinTolerance: within, share: plantedUsers.length ? within / plantedUsers.length : 1, table };
}
