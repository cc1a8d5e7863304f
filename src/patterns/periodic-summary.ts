/**
 * Population view of `periodicPatterns`: how many users have a regular cycle and how the
 * periods are distributed.
 */
import pl from "nodejs-polars";
import { COL } from "../schema";
import { DataError } from "../util/data-error";

/** Options of {@link periodicSummary}. */
export interface PeriodicSummaryOptions {
  /** Users in the population (denominator of `regularUserShare`). Default: users in `patterns`. */
  totalUsers?: number | null;
  /** Width of the period histogram's bins, days, > 0. Default `1`. */
  binDays?: number;
  /** User column of `patterns`. Default `COL.user`. */
  userColumn?: string;
}

const defaults = { totalUsers: null as number | null, binDays: 1, userColumn: COL.user as string };

/** The population summary (see {@link periodicSummary}). */
export interface PeriodicSummary {
  /** Patterns (rows) and regular ones. */
  patterns: number;
  regularPatterns: number;
  /** Distinct users with a pattern, and with at least one regular pattern. */
  users: number;
  regularUsers: number;
  /** regularUsers / (totalUsers, else users), in [0, 1]. */
  regularUserShare: number;
  /** Quantiles of `period_days` over the regular patterns (NaN when there is none). */
  periodQuantiles: { p10: number; p25: number; p50: number; p75: number; p90: number };
  /** Regular patterns by period bin: `period_from_days` (Float64, bin start), `patterns` (Int32), ascending. */
  histogram: pl.DataFrame;
}

/**
 * Summarises the output of `periodicPatterns` over the population. Quantiles use linear
 * interpolation between order statistics (type 7, as numpy and R's default).
 *
 * @param patterns the frame of `periodicPatterns` (needs `period_days`, `is_regular`, the user column).
 * @param options see {@link PeriodicSummaryOptions}.
 * @returns the {@link PeriodicSummary}.
 * @throws DataError when a column is missing; Error when `totalUsers` is below the users found or `binDays` ≤ 0.
 * @example
 * ```ts
 * const s = periodicSummary(periodicPatterns(events), { totalUsers: 400 });
 * s.regularUserShare;     // 0.35
 * s.periodQuantiles.p50;  // 28
 * ```
 */
export function periodicSummary(patterns: pl.DataFrame, options: PeriodicSummaryOptions = {}): PeriodicSummary {
  const binDays = options.binDays ?? defaults.binDays;
  const userColumn = options.userColumn ?? defaults.userColumn;
  const totalUsers = options.totalUsers === undefined ? defaults.totalUsers : options.totalUsers;
  for (const c of [userColumn, "period_days", "is_regular"]) {
    if (!patterns.columns.includes(c)) throw new DataError(`periodicSummary needs column '${c}' (pass the frame of periodicPatterns)`, { column: c });
  }
  if (!(binDays > 0 && Number.isFinite(binDays))) throw new Error(`periodicSummary: binDays must be a finite number > 0, got ${binDays}`);
  const users = patterns.getColumn(userColumn).toArray() as string[];
  const period = patterns.getColumn("period_days").toArray() as number[];
  const regular = patterns.getColumn("is_regular").toArray() as (boolean | null)[];
  const allUsers = new Set(users);
  const regularUsers = new Set<string>();
  const periods: number[] = [];
  for (let i = 0; i < users.length; i++) {
    if (regular[i] !== true) continue;
    regularUsers.add(users[i]);
    periods.push(period[i]);
  }
  const denominator = totalUsers ?? allUsers.size;
  if (totalUsers !== null && !(Number.isInteger(totalUsers) && totalUsers >= allUsers.size)) {
    throw new Error(`periodicSummary: totalUsers must be an integer >= the ${allUsers.size} users in patterns, got ${totalUsers}`);
  }
  periods.sort((a, b) => a - b);
  const q = (p: number): number => {
    if (periods.length === 0) return NaN;
    const h = (periods.length - 1) * p;
    const lo = Math.floor(h);
    return periods[lo] + (h - lo) * ((periods[Math.min(lo + 1, periods.length - 1)] ?? periods[lo]) - periods[lo]);
  };
  const bins = new Map<number, number>();
  for (const x of periods) {
    const b = Math.floor(x / binDays) * binDays;
    bins.set(b, (bins.get(b) ?? 0) + 1);
  }
  const starts = [...bins.keys()].sort((a, b) => a - b);
  return {
    patterns: users.length,
    regularPatterns: periods.length,
    users: allUsers.size,
    regularUsers: regularUsers.size,
    regularUserShare: denominator > 0 ? regularUsers.size / denominator : NaN,
    periodQuantiles: { p10: q(0.1), p25: q(0.25), p50: q(0.5), p75: q(0.75), p90: q(0.9) },
    histogram: pl.DataFrame([
      pl.Series("period_from_days", Float64Array.from(starts)),
      pl.Series("patterns", Int32Array.from(starts, (s) => bins.get(s) as number)),
    ]),
  };
}
