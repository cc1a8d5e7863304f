import pl from "nodejs-polars";
import { requireColumns, requireDatetime, requireNoNulls } from "../clean/frame-access";
import { COL, SEED } from "../schema";
import { createRng } from "../util/rng";
import { splitReport, type SplitResult } from "./split-result";
import { userTimeOrder } from "./user-time-order";

/** Options of {@link randomRatioSplit}. */
export interface RandomRatioSplitOptions {
  /** Fraction of each user's events sent to test, in [0, 1). Default `0.2`. */
  testRatio?: number;
  /** Seed of the draw. Default `SEED` (42). */
  seed?: number;
  /** Column names. Default: `COL.user`, `COL.item`, `COL.ts`. */
  cols?: { user?: string; item?: string; ts?: string };
}

const defaults = {
  testRatio: 0.2,
  seed: SEED,
  cols: { user: COL.user, item: COL.item, ts: COL.ts },
};

/**
 * Random per-user split: for each user with m events, `min(round(testRatio · m), m − 1)` events
 * drawn uniformly at random (seeded) go to test, so every user keeps at least one training
 * event. Users are visited in sorted id order and each user's events in time order (ties by
 * item, then input order), so the same seed gives the same split whatever the row order.
 * Promise: `"none"` (test events may precede training events). Rows keep their input order.
 *
 * @param df event frame (no null timestamps).
 * @param options see {@link RandomRatioSplitOptions}.
 * @returns `{ train, test, report }`.
 * @example
 * ```ts
 * const { train, test } = randomRatioSplit(ratings, { testRatio: 0.2, seed: 42 });
 * ```
 */
export function randomRatioSplit(df: pl.DataFrame, options: RandomRatioSplitOptions = {}): SplitResult {
  const ratio = options.testRatio ?? defaults.testRatio;
  const seed = options.seed ?? defaults.seed;
  const cols = { ...defaults.cols, ...options.cols };
  if (!(ratio >= 0 && ratio < 1)) throw new Error(`testRatio must be in [0, 1), got ${ratio}`);
  requireColumns(df, [cols.user], "randomRatioSplit");
  requireDatetime(df, cols.ts, "randomRatioSplit");
  requireNoNulls(df, cols.ts, "randomRatioSplit");
  const rng = createRng(seed);
  const { order, groupStart } = userTimeOrder(df, cols);
  const isTest = new Array<boolean>(df.height).fill(false);
  for (let g = 0; g + 1 < groupStart.length; g++) {
    const a = groupStart[g];
    const m = groupStart[g + 1] - a;
    const k = Math.min(Math.round(ratio * m), m - 1);
    const idx = Array.from({ length: m }, (_, i) => a + i);
    for (let j = 0; j < k; j++) {
      const r = j + rng.int(m - j); // partial Fisher–Yates
      const t = idx[j];
      idx[j] = idx[r];
      idx[r] = t;
      isTest[order[idx[j]]] = true;
    }
  }
  const train = df.filter(pl.Series("train", isTest.map((t) => !t), pl.Bool));
  const test = df.filter(pl.Series("test", isTest, pl.Bool));
  const notes = [`testRatio=${ratio}, seed=${seed}, per user min(round(ratio*m), m-1) test events`];
  return { train, test, report: splitReport("randomRatioSplit", "none", train, test, { rowsIn: df.height, notes, cols }) };
}
