import pl from "nodejs-polars";
import { requireColumns, requireDatetime, requireNoNulls } from "../clean/frame-access";
import { COL } from "../schema";
import { splitReport, type SplitResult } from "./split-result";
import { userTimeOrder } from "./user-time-order";

/** Options of {@link leaveLastOut}. */
export interface LeaveLastOutOptions {
  /** Events per user held out, an integer ≥ 1. Default `1`. */
  n?: number;
  /** Column names. Default: `COL.user`, `COL.item`, `COL.ts`. */
  cols?: { user?: string; item?: string; ts?: string };
}

const defaults = {
  n: 1,
  cols: { user: COL.user, item: COL.item, ts: COL.ts },
};

/**
 * Leave-last-n-out: each user's `n` latest events go to test, the rest to train. Ties in time
 * are broken deterministically by item id, then input order (a later row counts as later).
 * Users with `n` events or fewer are kept entirely in train (counted in the report's notes),
 * so every test user has training history. Promise: `"per-user-chronological"`. Rows keep
 * their input order.
 *
 * @param df event frame (no null timestamps).
 * @param options see {@link LeaveLastOutOptions}.
 * @returns `{ train, test, report }`.
 * @example
 * ```ts
 * const { train, test } = leaveLastOut(events, { n: 1 });
 * validateSplit(train, test, { promise: "per-user-chronological" });
 * ```
 */
export function leaveLastOut(df: pl.DataFrame, options: LeaveLastOutOptions = {}): SplitResult {
  const n = options.n ?? defaults.n;
  const cols = { ...defaults.cols, ...options.cols };
  if (!(Number.isInteger(n) && n >= 1)) throw new Error(`n must be an integer >= 1, got ${n}`);
  requireColumns(df, [cols.user], "leaveLastOut");
  requireDatetime(df, cols.ts, "leaveLastOut");
  requireNoNulls(df, cols.ts, "leaveLastOut");
  const { order, groupStart } = userTimeOrder(df, cols);
  const isTest = new Array<boolean>(df.height).fill(false);
  let short = 0;
  for (let g = 0; g + 1 < groupStart.length; g++) {
    const a = groupStart[g];
    const b = groupStart[g + 1];
    if (b - a <= n) {
      short++;
      continue;
    }
    for (let p = b - n; p < b; p++) isTest[order[p]] = true;
  }
  const train = df.filter(pl.Series("train", isTest.map((t) => !t), pl.Bool));
  const test = df.filter(pl.Series("test", isTest, pl.Bool));
  const notes = [`${short} user(s) with <= ${n} event(s) kept entirely in train`];
  return { train, test, report: splitReport("leaveLastOut", "per-user-chronological", train, test, { rowsIn: df.height, notes, cols }) };
}
