import type pl from "nodejs-polars";
import { N, withColumnsN } from "./native-expr";
import { LINE } from "./read-raw";

/**
 * Left-joins a lookup table (movie titles, spot names…) onto raw rows by their `item` text with
 * outer blanks stripped. The lookup's first row per key wins; the raw rows keep their file order
 * (sorted by `__line`) and their count, with nulls where the lookup has no entry.
 *
 * Internal to `src/io` (raw frames come from `readRaw`).
 *
 * @param raw raw String columns from `readRaw`, with `item` and `__line`.
 * @param lookup the table to join, holding the key column `key` (already in the form to match).
 * @param key name of the join column in `lookup`; dropped from the result.
 * @returns `raw` with the other columns of `lookup` added.
 * @example
 * ```ts
 * const named = joinOnItem(raw, spots.lazy(), "__spot_key"); // raw + spot_name
 * ```
 */
export function joinOnItem(raw: pl.DataFrame, lookup: pl.LazyDataFrame, key: string): pl.DataFrame {
  const table = lookup.unique({ subset: key, keep: "first", maintainOrder: true });
  return withColumnsN(raw.lazy(), [N.alias(N.strip(N.col("item")), key)])
    .join(table, { on: key, how: "left" })
    .sort(LINE)
    .drop(key)
    .collectSync();
}
