import pl from "nodejs-polars";
import { COL } from "../schema";

/**
 * What a split promises about time, checked by `validateSplit`:
 * - `"global"`: every test event is at or after every training event;
 * - `"per-user-chronological"`: for each user, test events are at or after that user's training events;
 * - `"none"`: no temporal promise (random splits).
 *
 * @example
 * ```ts
 * validateSplit(train, test, { promise: report.promise });
 * ```
 */
export type SplitPromise = "global" | "per-user-chronological" | "none";

/** Counts describing a split, for printing in notebooks. */
export interface SplitReport {
  /** The splitter, e.g. `globalTimeSplit`. */
  method: string;
  /** The temporal promise the split makes. */
  promise: SplitPromise;
  rowsIn: number;
  rowsTrain: number;
  rowsTest: number;
  usersTrain: number;
  usersTest: number;
  /** Test users with no training event (cold-start users). */
  coldUsers: number;
  /** Test items with no training event (cold-start items). */
  coldItems: number;
  /** Cut instant of a global time split; `null` otherwise. */
  cut: Date | null;
  /** Other facts, e.g. "12 users with <= 1 events kept entirely in train". */
  notes: string[];
}

/**
 * Every splitter returns this: both parts (input row order kept) and the report.
 *
 * @example
 * ```ts
 * const { train, test, report }: SplitResult = leaveLastOut(events);
 * ```
 */
export interface SplitResult {
  train: pl.DataFrame;
  test: pl.DataFrame;
  report: SplitReport;
}

/**
 * Builds a {@link SplitReport} from the two parts (counts users and items with Polars).
 *
 * @example
 * ```ts
 * const report = splitReport("leaveLastOut", "per-user-chronological", train, test, { rowsIn: events.height });
 * ```
 */
export function splitReport(
  method: string,
  promise: SplitPromise,
  train: pl.DataFrame,
  test: pl.DataFrame,
  extra: { rowsIn: number; cut?: Date | null; notes?: string[]; cols?: { user?: string; item?: string } },
): SplitReport {
  const user = extra.cols?.user ?? COL.user;
  const item = extra.cols?.item ?? COL.item;
  const cold = (col: string): number => {
    if (!train.columns.includes(col) || !test.columns.includes(col)) return 0;
    const seen = train.select(pl.col(col)).unique();
    return test.select(pl.col(col)).unique().join(seen, { on: col, how: "anti" }).height;
  };
  const distinct = (df: pl.DataFrame, col: string): number => (df.columns.includes(col) ? df.select(pl.col(col)).unique().height : 0);
  return {
    method,
    promise,
    rowsIn: extra.rowsIn,
    rowsTrain: train.height,
    rowsTest: test.height,
    usersTrain: distinct(train, user),
    usersTest: distinct(test, user),
    coldUsers: cold(user),
    coldItems: cold(item),
    cut: extra.cut ?? null,
    notes: extra.notes ?? [],
  };
}
