import pl from "nodejs-polars";
import { boolSeries, requireColumns } from "../../clean/frame-access";
import { COL, SEED } from "../../schema";
import { splitReport, type SplitResult } from "../../split/split-result";
import { createRng } from "../../util/rng";

/**
 * Options of {@link holdOutUsers}.
 *
 * @example
 * ```ts
 * const o: HoldOutUsersOptions = { testFraction: 0.25, seed: 7 };
 * ```
 */
export interface HoldOutUsersOptions {
  /** Fraction of users (rounded, at least 1 when there are 2+ users) whose events all go to test, in (0, 1). Default `0.2`. */
  testFraction?: number;
  /** Seed of the draw. Default `SEED` (42). */
  seed?: number;
  /** User column. Default `COL.user`. */
  cols?: { user?: string };
}

const defaults = { testFraction: 0.2, seed: SEED, cols: { user: COL.user as string } };

/**
 * Splits by user: a seeded random `testFraction` of the distinct users (drawn from the sorted
 * ids, so row order does not matter) go to test with all their events; the rest to train. Used
 * to evaluate sequence models on users they never saw. Rows keep their input order.
 *
 * @param df event frame with a user column.
 * @param options see {@link HoldOutUsersOptions}.
 * @returns `{ train, test, report }` with promise `"none"` (no temporal promise; users are disjoint).
 * @throws Error when `testFraction` is outside (0, 1) or there are fewer than 2 users.
 * @example
 * ```ts
 * const { train, test } = holdOutUsers(events, { testFraction: 0.25 });
 * ```
 */
export function holdOutUsers(df: pl.DataFrame, options: HoldOutUsersOptions = {}): SplitResult {
  const fraction = options.testFraction ?? defaults.testFraction;
  const seed = options.seed ?? defaults.seed;
  const user = options.cols?.user ?? defaults.cols.user;
  if (!(typeof fraction === "number" && fraction > 0 && fraction < 1)) throw new Error(`holdOutUsers: testFraction must be in (0, 1), got ${String(fraction)}`);
  requireColumns(df, [user], "holdOutUsers");
  const ids = (df.select(pl.col(user).cast(pl.String)).getColumn(user).unique().toArray() as (string | null)[])
    .filter((u): u is string => u !== null)
    .sort();
  if (ids.length < 2) throw new Error(`holdOutUsers: needs at least 2 users, got ${ids.length}`);
  const k = Math.min(ids.length - 1, Math.max(1, Math.round(fraction * ids.length)));
  const chosen = createRng(seed).shuffle([...ids]).slice(0, k);
  const chosenSet = new Set(chosen);
  const col = df.select(pl.col(user).cast(pl.String)).getColumn(user).toArray() as (string | null)[];
  const testMask = new Uint8Array(col.length);
  const trainMask = new Uint8Array(col.length);
  col.forEach((u, i) => {
    if (u === null) return;
    if (chosenSet.has(u)) testMask[i] = 1;
    else trainMask[i] = 1;
  });
  const test = df.filter(boolSeries("test", testMask));
  const train = df.filter(boolSeries("train", trainMask));
  return {
    train,
    test,
    report: splitReport("holdOutUsers", "none", train, test, {
      rowsIn: df.height,
      cols: { user },
      notes: [`${k} of ${ids.length} users held out${train.height + test.height < df.height ? `; ${df.height - train.height - test.height} rows with a null user dropped` : ""}`],
    }),
  };
}
