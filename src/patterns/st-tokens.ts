/**
 * The token vocabulary of spatio-temporal baskets: behaviour tokens (what the user did) and
 * context tokens (when and where), told apart by a prefix.
 */
import pl from "nodejs-polars";

/**
 * Prefixes of the tokens the basket builders write.
 *
 * | prefix     | kind      | example                 | written by                          |
 * |------------|-----------|-------------------------|-------------------------------------|
 * | (none)     | behaviour | `p0008`                 | `buildBaskets` with `itemAs: "item"` |
 * | `cat:`     | behaviour | `cat:Bar`               | `itemAs: "category"`, context `"category"` |
 * | `time:`    | context   | `time:evening`          | context `"time"` (part of day)       |
 * | `day:`     | context   | `day:weekend`           | context `"day"`                      |
 * | `hour:`    | context   | `hour:18`               | context `"hour"`                     |
 * | `cell:`    | context   | `cell:wtw3s`            | context `"cell"` (geohash)           |
 * | `region:`  | context   | `region:Riverside`      | context `"region"`                   |
 * | `cluster:` | context   | `cluster:3`             | context `"cluster"`                  |
 * | `event:`   | context   | `event:buy`             | context `"event"`                    |
 * | `user:`    | actor     | `user:u0001`            | `buildBaskets` with `by: "co-visit"`  |
 *
 * A category token is behaviour, not context: a rule that predicts `cat:Bar` predicts what the
 * user will do.
 *
 * @example
 * ```ts
 * `${ST_PREFIX.region}Riverside`; // "region:Riverside"
 * ```
 */
export const ST_PREFIX = {
  category: "cat:",
  time: "time:",
  day: "day:",
  hour: "hour:",
  cell: "cell:",
  region: "region:",
  cluster: "cluster:",
  event: "event:",
  user: "user:",
} as const;

/**
 * The prefixes that mark a context token (every one of {@link ST_PREFIX} but `cat:` and `user:`).
 * @example
 * ```ts
 * CONTEXT_PREFIXES.some((p) => "day:weekend".startsWith(p)); // true
 * ```
 */
export const CONTEXT_PREFIXES: readonly string[] = [
  ST_PREFIX.time,
  ST_PREFIX.day,
  ST_PREFIX.hour,
  ST_PREFIX.cell,
  ST_PREFIX.region,
  ST_PREFIX.cluster,
  ST_PREFIX.event,
];

/** What a token stands for: see {@link ST_PREFIX}. */
export type TokenKind = "context" | "category" | "item" | "user";

/**
 * True when `token` describes the situation (time, place, event type) rather than behaviour.
 *
 * @param token a basket token.
 * @example
 * ```ts
 * isContextToken("time:evening"); // true
 * isContextToken("cat:Bar");      // false (a category is behaviour)
 * isContextToken("p0008");        // false
 * ```
 */
export function isContextToken(token: string): boolean {
  for (const p of CONTEXT_PREFIXES) if (token.startsWith(p)) return true;
  return false;
}

/**
 * The kind of a token: `"context"`, `"category"` (`cat:`), `"user"` (`user:`) or `"item"`
 * (anything unprefixed).
 *
 * @example
 * ```ts
 * tokenKind("region:Riverside"); // "context"
 * tokenKind("cat:Gym");          // "category"
 * tokenKind("p0005");            // "item"
 * ```
 */
export function tokenKind(token: string): TokenKind {
  if (isContextToken(token)) return "context";
  if (token.startsWith(ST_PREFIX.category)) return "category";
  if (token.startsWith(ST_PREFIX.user)) return "user";
  return "item";
}

/**
 * A List(String) series from JS arrays of strings, typed List(String) also when every list
 * is empty or there are no rows. Built from one flat String series grouped by row (about 2–3×
 * faster than nodejs-polars' element-by-element list construction).
 * @internal
 * @example
 * ```ts
 * stListSeries("items", [["a", "b"], []]); // List(String): ["a", "b"], []
 * ```
 */
export function stListSeries(name: string, lists: ReadonlyArray<ReadonlyArray<string>>): pl.Series {
  if (lists.length === 0) return pl.Series(name, [["x"]], pl.List(pl.Utf8)).slice(0, 0);
  let total = 0;
  for (const l of lists) total += Math.max(1, l.length);
  const ids = new Int32Array(total);
  const tokens: (string | null)[] = new Array(total);
  let k = 0;
  for (let i = 0; i < lists.length; i++) {
    const l = lists[i];
    if (l.length === 0) {
      ids[k] = i;
      tokens[k++] = null; // keeps the row; filtered out below
    }
    for (const t of l) {
      ids[k] = i;
      tokens[k++] = t;
    }
  }
  // ids are contiguous and ascending, so groups kept in order of appearance are rows 0..n-1
  const tok = pl.col("__tok__");
  return pl
    .DataFrame([pl.Series("__id__", ids), pl.Series("__tok__", tokens, pl.Utf8)])
    .lazy()
    .groupBy("__id__", true)
    .agg(tok.filter(tok.isNotNull()).alias(name))
    .collectSync()
    .getColumn(name);
}
