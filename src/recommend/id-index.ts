import pl from "nodejs-polars";
import { requireColumns } from "../clean/frame-access";
import { COL } from "../schema";
import { countingSort } from "../util/counting-sort";
import { DataError } from "../util/data-error";
import type { Csr } from "./csr";

/**
 * How repeated (user, item) pairs become one matrix value:
 * `"binary"` → 1; `"count"` → number of events; `"max-rating"` → the largest `rating`.
 *
 * @example
 * ```ts
 * indexInteractions(train, { merge: "max-rating" });
 * ```
 */
export type MergeRule = "binary" | "count" | "max-rating";

/** Options of {@link indexInteractions}. */
export interface IndexInteractionsOptions {
  /** How duplicate (user, item) events are merged. Default `"count"`. */
  merge?: MergeRule;
  /**
   * Extra ids to index even without a training event (e.g. every registered user, or the whole
   * catalogue); their rows / columns are empty. Default: none.
   */
  universe?: { users?: readonly string[]; items?: readonly string[] };
  /** Column names. Default: `COL.user`, `COL.item`, `COL.rating`. */
  cols?: { user?: string; item?: string; rating?: string };
}

/**
 * Training interactions with dense ids: the shared input of every recommender.
 * User u is `userIds[u]`, item i is `itemIds[i]`; both lists are sorted (JavaScript string
 * order), so the indexing depends only on the set of ids, never on row order.
 */
export interface Interactions {
  userIds: string[];
  itemIds: string[];
  /** users × items, one entry per distinct pair, items ascending within a user. */
  csr: Csr;
  /** Input rows. */
  rows: number;
  /** Rows merged into an earlier row of the same (user, item) pair: `rows − nnz`. */
  duplicates: number;
  merge: MergeRule;
}

const defaults = {
  merge: "count" as MergeRule,
  cols: { user: COL.user, item: COL.item, rating: COL.rating },
};

const CODE = "__code";
const ROW = "__row";
/** Up to this many rows, ids are mapped in JavaScript rather than by a Polars join. */
const SMALL = 20_000;

/**
 * Distinct non-null values of a column plus extras, sorted in JavaScript string order (so
 * `findId` can binary-search them).
 *
 * @example
 * ```ts
 * sortedIds(train, "user", ["new-user"]); // ["1", "10", "2", "new-user"]
 * ```
 */
export function sortedIds(df: pl.DataFrame, column: string, extra: readonly string[] = []): string[] {
  const values = df.getColumn(column).cast(pl.Utf8).unique().toArray() as (string | null)[];
  const set = new Set<string>(extra);
  for (const v of values) if (v !== null) set.add(v);
  return [...set].sort();
}

/**
 * Dense codes of a String column against a sorted id list (−1 for an id not in the list),
 * computed by a Polars join, in row order.
 *
 * @param df frame holding `column`.
 * @param column the id column.
 * @param ids sorted ids (as {@link sortedIds} returns); index = code.
 * @example
 * ```ts
 * const items = encodeIds(test, "item", fitted.itemIds); // Int32Array, -1 = unknown item
 * ```
 */
export function encodeIds(df: pl.DataFrame, column: string, ids: readonly string[]): Int32Array {
  if (df.height === 0) return new Int32Array(0);
  if (df.height <= SMALL) {
    // a join has a fixed cost of milliseconds: small frames go through a Map
    const index = new Map<string, number>();
    ids.forEach((id, i) => index.set(id, i));
    const values = df.getColumn(column).cast(pl.Utf8).toArray() as (string | null)[];
    return Int32Array.from(values, (v) => (v === null ? -1 : (index.get(v) ?? -1)));
  }
  const codes = new Int32Array(ids.length);
  for (let i = 0; i < codes.length; i++) codes[i] = i;
  const lut = pl.DataFrame({ [column]: pl.Series(column, ids as string[], pl.Utf8), [CODE]: pl.Series(CODE, codes) });
  const joined = df
    .select(pl.col(column).cast(pl.Utf8))
    .withRowIndex(ROW)
    .join(lut, { on: column, how: "left" })
    .select(pl.col(ROW).cast(pl.Float64), pl.col(CODE).fillNull(-1).cast(pl.Int32));
  const row = joined.getColumn(ROW).toTypedArray() as Float64Array;
  const code = joined.getColumn(CODE).toTypedArray() as Int32Array;
  let ordered = row.length === df.height;
  for (let i = 0; ordered && i < row.length; i++) ordered = row[i] === i;
  if (ordered) return Int32Array.from(code);
  const out = new Int32Array(df.height); // a join that reordered rows: put them back
  for (let i = 0; i < row.length; i++) out[row[i]] = code[i];
  return out;
}

/**
 * The inverse of {@link encodeIds}: a String series of `ids[codes[r]]` (null for −1), built by a
 * Polars join rather than a JavaScript array of strings (fast for millions of rows).
 *
 * @param name series name.
 * @param codes indices into `ids`, or −1.
 * @param ids the id list.
 * @example
 * ```ts
 * decodeIds("item", Int32Array.of(2, 0, -1), ["a", "b", "c"]); // ["c", "a", null]
 * ```
 */
export function decodeIds(name: string, codes: Int32Array, ids: readonly string[]): pl.Series {
  if (codes.length === 0) return pl.Series(name, [], pl.Utf8);
  if (codes.length <= SMALL) return pl.Series(name, Array.from(codes, (c) => (c >= 0 ? ids[c] : null)), pl.Utf8);
  const all = new Int32Array(ids.length);
  for (let i = 0; i < all.length; i++) all[i] = i;
  const lut = pl.DataFrame({ [CODE]: pl.Series(CODE, all), [name]: pl.Series(name, ids as string[], pl.Utf8) });
  const joined = pl
    .DataFrame({ [CODE]: pl.Series(CODE, codes) })
    .withRowIndex(ROW)
    .join(lut, { on: CODE, how: "left" });
  const row = joined.getColumn(ROW).cast(pl.Float64).toTypedArray() as Float64Array;
  let ordered = row.length === codes.length;
  for (let i = 0; ordered && i < row.length; i++) ordered = row[i] === i;
  return (ordered ? joined : joined.sort(ROW)).getColumn(name).alias(name);
}

/**
 * Indexes a training frame: sorted user and item ids, and the interactions as a users × items
 * CSR matrix with duplicate (user, item) events merged by `merge`. Linear time after the
 * id sort (two counting sorts, no comparison sort of rows).
 *
 * @param df training events (columns user, item; rating when `merge` is `"max-rating"`).
 * @param options see {@link IndexInteractionsOptions}.
 * @returns the {@link Interactions}.
 * @throws DataError when a column is missing or holds nulls (counted), or a rating is not finite.
 * @example
 * ```ts
 * const inter = indexInteractions(train, { merge: "binary" });
 * inter.userIds[0];                                    // first user id in sort order
 * inter.csr.indices.subarray(inter.csr.indptr[0], inter.csr.indptr[1]); // that user's items
 * ```
 */
export function indexInteractions(df: pl.DataFrame, options: IndexInteractionsOptions = {}): Interactions {
  const merge = options.merge ?? defaults.merge;
  const cols = { ...defaults.cols, ...options.cols };
  if (merge !== "binary" && merge !== "count" && merge !== "max-rating") {
    throw new Error(`merge must be "binary", "count" or "max-rating", got ${JSON.stringify(merge)}`);
  }
  const needed = merge === "max-rating" ? [cols.user, cols.item, cols.rating] : [cols.user, cols.item];
  requireColumns(df, needed, "indexInteractions");
  for (const c of needed) {
    const nulls = df.getColumn(c).nullCount();
    if (nulls > 0) throw new DataError(`indexInteractions found ${nulls} null value(s); drop them first`, { column: c });
  }
  const userIds = sortedIds(df, cols.user, options.universe?.users);
  const itemIds = sortedIds(df, cols.item, options.universe?.items);
  const u = encodeIds(df, cols.user, userIds);
  const i = encodeIds(df, cols.item, itemIds);
  let rating: Float64Array | null = null;
  if (merge === "max-rating") {
    rating = df.getColumn(cols.rating).cast(pl.Float64).toTypedArray() as Float64Array;
    for (let r = 0; r < rating.length; r++) {
      if (!Number.isFinite(rating[r])) throw new DataError(`rating must be finite, got ${rating[r]} at row ${r}`, { column: cols.rating });
    }
  }
  const n = df.height;
  let order = new Int32Array(n);
  for (let r = 0; r < n; r++) order[r] = r;
  order = countingSort(countingSort(order, i, itemIds.length), u, userIds.length); // by (user, item)
  const indptr = new Int32Array(userIds.length + 1);
  const indices = new Int32Array(n);
  const values = new Float32Array(n);
  let nnz = 0;
  for (let p = 0; p < n; p++) {
    const r = order[p];
    const v = rating ? rating[r] : 1;
    if (nnz > 0 && p > 0 && u[order[p - 1]] === u[r] && indices[nnz - 1] === i[r]) {
      if (merge === "count") values[nnz - 1] += 1;
      else if (merge === "max-rating" && v > values[nnz - 1]) values[nnz - 1] = v;
      continue;
    }
    indices[nnz] = i[r];
    values[nnz] = v;
    indptr[u[r] + 1]++;
    nnz++;
  }
  for (let k = 0; k < userIds.length; k++) indptr[k + 1] += indptr[k];
  const csr: Csr = { nRows: userIds.length, nCols: itemIds.length, indptr, indices: indices.slice(0, nnz), values: values.slice(0, nnz) };
  return { userIds, itemIds, csr, rows: n, duplicates: n - nnz, merge };
}
