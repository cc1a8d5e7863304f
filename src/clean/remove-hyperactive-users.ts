import type pl from "nodejs-polars";
import { COL } from "../schema";
import type { CleanResult } from "./clean-report";
import { boolSeries, denseCodes, requireColumns } from "./frame-access";
import type { NotedCleanStep } from "./noted-step";
import { outlierBounds, type OutlierBounds, type OutlierMethod } from "./outlier-bounds";

/** Options of {@link removeHyperactiveUsers}. */
export interface RemoveHyperactiveUsersOptions {
  /** `"zscore"` or `"iqr"`, applied to one value per user. Default `"zscore"`. */
  method?: OutlierMethod;
  /** z-score cut, > 0. Default `3`. */
  threshold?: number;
  /** IQR multiplier, ≥ 0. Default `1.5`. */
  k?: number;
  /**
   * Test `ln(count)` instead of `count`. Default `true`: activity counts are heavy-tailed, and on
   * raw counts a z-score or IQR rule flags many ordinary heavy users.
   */
  logCounts?: boolean;
  /** `"drop"` the users' events, or `"flag"` them in a boolean column. Default `"drop"`. */
  mode?: "drop" | "flag";
  /** Flag column (mode `"flag"`). Default `"hyperactive_user"`. */
  flagColumn?: string;
  /** User column. Default `COL.user`. */
  cols?: { user?: string };
}

const defaults = {
  method: "zscore" as OutlierMethod,
  threshold: 3,
  k: 1.5,
  logCounts: true,
  mode: "drop" as "drop" | "flag",
  flagColumn: "hyperactive_user",
  cols: { user: COL.user },
};

/** The result of {@link removeHyperactiveUsers}. */
export interface RemoveHyperactiveUsersResult extends CleanResult {
  /** Bounds on the per-user value (count or ln(count)); only the upper one is used. */
  bounds: OutlierBounds;
  /** Users found hyperactive, in sorted order. */
  users: string[];
}

/**
 * Removes all events of hyperactive users (bots, shared accounts): users whose event count
 * (or its logarithm) lies above the upper z-score or IQR bound computed over users (one value
 * per user). Only the high side is tested: light users are never removed here (see `kCore`).
 *
 * Report reason: `hyperactive_user` (drop: rows removed; flag: `valuesChanged` = rows flagged).
 *
 * @param df event frame.
 * @param options see {@link RemoveHyperactiveUsersOptions}.
 * @returns frame, report, the bounds and the list of users.
 * @example
 * ```ts
 * const { frame, users } = removeHyperactiveUsers(events, { method: "iqr", k: 3 });
 * ```
 */
export function removeHyperactiveUsers(df: pl.DataFrame, options: RemoveHyperactiveUsersOptions = {}): RemoveHyperactiveUsersResult {
  const method = options.method ?? defaults.method;
  const threshold = options.threshold ?? defaults.threshold;
  const k = options.k ?? defaults.k;
  const logCounts = options.logCounts ?? defaults.logCounts;
  const mode = options.mode ?? defaults.mode;
  const user = options.cols?.user ?? defaults.cols.user;
  if (mode !== "drop" && mode !== "flag") throw new Error(`mode must be "drop" or "flag", got ${String(mode)}`);
  requireColumns(df, [user], "removeHyperactiveUsers");
  const { codes, n } = denseCodes(df, user);
  const counts = new Float64Array(n);
  for (let i = 0; i < codes.length; i++) counts[codes[i]]++;
  const values = logCounts ? counts.map(Math.log) : counts;
  const bounds = outlierBounds(values, method, threshold, k);
  const hyper = new Uint8Array(n);
  for (let u = 0; u < n; u++) hyper[u] = values[u] > bounds.upper ? 1 : 0;
  const flags = new Uint8Array(codes.length);
  const keep = new Uint8Array(codes.length);
  let flagged = 0;
  const firstRow = new Int32Array(n).fill(-1);
  for (let i = 0; i < codes.length; i++) {
    flags[i] = hyper[codes[i]];
    keep[i] = 1 - flags[i];
    flagged += flags[i];
    if (firstRow[codes[i]] < 0) firstRow[codes[i]] = i;
  }
  const userValues = df.getColumn(user);
  const users: string[] = [];
  for (let u = 0; u < n; u++) if (hyper[u]) users.push(String(userValues.get(firstRow[u])));
  users.sort();
  const note = `${users.length} user(s) above ${method} upper bound ${bounds.upper.toPrecision(4)}${logCounts ? " (log count)" : ""}`;
  const frame =
    mode === "flag"
      ? df.withColumn(boolSeries(options.flagColumn ?? defaults.flagColumn, flags))
      : df.filter(boolSeries("keep", keep));
  const step: NotedCleanStep = {
    step: "removeHyperactiveUsers",
    reason: "hyperactive_user",
    rowsIn: df.height,
    rowsOut: frame.height,
    valuesChanged: mode === "flag" ? flagged : 0,
    note,
  };
  return { frame, bounds, users, report: [step] };
}
