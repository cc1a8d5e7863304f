import pl from "nodejs-polars";
import { COL, SEED } from "../schema";
import { createRng } from "../util/rng";

/** Options of {@link sampleUsers}. */
export interface SampleUsersOptions {
  /** Seed of the draw. Default {@link SEED}. */
  seed?: number;
}

/**
 * Keeps all events of `n` users drawn uniformly without replacement (seeded). Users are sorted
 * before the draw so the result does not depend on row order. `n <= 0` or `n >=` the number of
 * users returns the frame unchanged.
 *
 * @example
 * ```ts
 * const small = sampleUsers(events, 200, { seed: 42 });
 * ```
 */
export function sampleUsers(df: pl.DataFrame, n: number, options: SampleUsersOptions = {}): pl.DataFrame {
  if (!Number.isInteger(n)) throw new Error(`sampleUsers: n must be an integer, got ${n}`);
  const users = (df.getColumn(COL.user).unique().sort().toArray() as string[]);
  if (n <= 0 || n >= users.length) return df;
  const rng = createRng(options.seed ?? SEED);
  const chosen = rng.shuffle(users.slice()).slice(0, n);
  return df.filter(pl.col(COL.user).isIn(chosen));
}
