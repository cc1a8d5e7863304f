import pl from "nodejs-polars";
import { ROW } from "../clean/frame-access";

/** Rows grouped by user, each group in time order. */
export interface UserTimeOrder {
  /** Input row indices, sorted by (user, ts, item, input row). */
  order: Uint32Array;
  /** Group g (one user, sorted ids) is `order[groupStart[g] .. groupStart[g+1])`. */
  groupStart: Uint32Array;
}

/**
 * Orders rows by user, then time, with ties broken by item id and then input order (a later
 * row counts as later), so the order does not depend on how the frame was sorted except for
 * fully identical (user, ts, item) rows.
 *
 * @param df frame with the three columns.
 * @param cols names of the user, item and timestamp columns.
 * @example
 * ```ts
 * const { order, groupStart } = userTimeOrder(df, { user: "user", item: "item", ts: "ts" });
 * ```
 */
export function userTimeOrder(df: pl.DataFrame, cols: { user: string; item: string; ts: string }): UserTimeOrder {
  const sortBy = [cols.user, cols.ts, ...(df.columns.includes(cols.item) ? [cols.item] : []), ROW];
  const sorted = df
    .select(...sortBy.filter((c) => c !== ROW).map((c) => pl.col(c)))
    .withRowIndex(ROW)
    .sort(sortBy, false, true)
    .select(
      pl.col(ROW).cast(pl.Float64).alias(ROW),
      pl.col(cols.user).neq(pl.col(cols.user).shift(1)).fillNull(true).alias("start"),
    );
  const order = Uint32Array.from(sorted.getColumn(ROW).toTypedArray() as Float64Array);
  const start = sorted.getColumn("start").toArray() as boolean[];
  const starts: number[] = [];
  for (let i = 0; i < start.length; i++) if (start[i]) starts.push(i);
  starts.push(order.length);
  return { order, groupStart: Uint32Array.from(starts) };
}
