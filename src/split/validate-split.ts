import pl from "nodejs-polars";
import { epochMs, requireColumns, requireDatetime } from "../clean/frame-access";
import { COL } from "../schema";
import { DataError } from "../util/data-error";
import type { SplitPromise } from "./split-result";

/** Options of {@link validateSplit}. */
export interface ValidateSplitOptions {
  /** The promise to check. Default `"none"` (nothing is checked). */
  promise?: SplitPromise;
  /** Column names. Default: `COL.user`, `COL.ts`. */
  cols?: { user?: string; ts?: string };
}

const defaults = {
  promise: "none" as SplitPromise,
  cols: { user: COL.user, ts: COL.ts },
};

/**
 * Checks a split's temporal promise and throws a `DataError` naming the first offending user:
 * - `"global"`: no test event may be earlier than the latest training event; the error names
 *   the user of the earliest such test event (ties: smallest user id);
 * - `"per-user-chronological"`: for each user, no test event may be earlier than that user's
 *   latest training event; the error names the offending user with the smallest id;
 * - `"none"`: nothing to check.
 *
 * Equal timestamps are allowed ("precedes" is strict).
 *
 * @param train training events.
 * @param test test events.
 * @param options see {@link ValidateSplitOptions}.
 * @example
 * ```ts
 * const { train, test } = leaveLastOut(events);
 * validateSplit(train, test, { promise: "per-user-chronological" }); // throws on leakage
 * ```
 */
export function validateSplit(train: pl.DataFrame, test: pl.DataFrame, options: ValidateSplitOptions = {}): void {
  const promise = options.promise ?? defaults.promise;
  const { user, ts } = { ...defaults.cols, ...options.cols };
  if (promise === "none") return;
  if (promise !== "global" && promise !== "per-user-chronological") {
    throw new Error(`promise must be "global", "per-user-chronological" or "none", got ${String(promise)}`);
  }
  for (const df of [train, test]) {
    requireColumns(df, [user], "validateSplit");
    requireDatetime(df, ts, "validateSplit");
  }
  if (train.height === 0 || test.height === 0) return;
  const iso = (df: pl.DataFrame, col: string): string => new Date(epochMs(df.head(1), col)[0]).toISOString();
  if (promise === "global") {
    let latestMs = -Infinity;
    for (const t of epochMs(train, ts)) if (t > latestMs) latestMs = t;
    const latestTs = new Date(latestMs);
    const early = test.filter(pl.col(ts).lt(pl.lit(latestTs)).fillNull(false)).sort([ts, user], false, true);
    if (early.height > 0) {
      const u = early.getColumn(user).get(0);
      throw new DataError(
        `split promises "global" but user '${u}' has a test event at ${iso(early, ts)} before the latest training event at ${latestTs.toISOString()}`,
        { column: ts },
      );
    }
    return;
  }
  const lastTrain = train.groupBy(user).agg(pl.col(ts).max().alias("__train_max"));
  const firstTest = test.groupBy(user).agg(pl.col(ts).min().alias("__test_min"));
  const bad = firstTest
    .join(lastTrain, { on: user, how: "inner" })
    .filter(pl.col("__test_min").lt(pl.col("__train_max")))
    .sort(user);
  if (bad.height > 0) {
    throw new DataError(
      `split promises "per-user-chronological" but user '${bad.getColumn(user).get(0)}' has a test event at ${iso(bad, "__test_min")} before a training event at ${iso(bad, "__train_max")}`,
      { column: ts },
    );
  }
}
