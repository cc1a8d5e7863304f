/**
 * Which basket each event falls in, for {@link buildBaskets}: a two-part integer key per row
 * and the row order that puts each basket's events together, in time order.
 */
import pl from "nodejs-polars";
import { epochMs, floatColumn, requireColumns, requireDatetime, requireNoNulls } from "../clean/frame-access";

/** How events are grouped into baskets (see `buildBaskets`). */
export type BasketBy = "event" | "session" | "user-day" | "user-week" | "co-visit";

/**
 * The basket modes, for validation messages.
 * @example
 * ```ts
 * BASKET_MODES.includes("user-day"); // true
 * ```
 */
export const BASKET_MODES: readonly BasketBy[] = ["event", "session", "user-day", "user-week", "co-visit"];

/** Column names the key builder reads. */
export interface StBasketCols {
  user: string;
  item: string;
  ts: string;
  local: string;
  session: string;
}

/** Keys of every row plus the row order that groups them. @internal */
export interface StBasketKeys {
  /** Rows sorted by (key1, key2, ts, input order). */
  order: Int32Array;
  /** First key: a rank of the user (of the item for co-visit). */
  key1: Float64Array;
  /** Second key: the session value or the local day / week / bin index (0 for `event`: every row is a basket). */
  key2: Float64Array;
  /** Start of the window in local epoch ms (day, week or bin modes), else NaN. */
  windowStart: Float64Array;
  /** Columns of the input that identify a basket in the keys frame. */
  keyColumns: string[];
}

const DAY_MS = 86_400_000;

/**
 * Computes the basket key of each row. Weeks start on Monday (1970-01-01 was a Thursday, so
 * local day d belongs to week ⌊(d + 3) / 7⌋).
 * @internal
 * @example
 * ```ts
 * const { order, key1, key2 } = stBasketKeys(df, "user-day", cols, 60);
 * ```
 */
export function stBasketKeys(df: pl.DataFrame, by: BasketBy, cols: StBasketCols, binMinutes: number): StBasketKeys {
  const verb = "buildBaskets";
  requireDatetime(df, cols.ts, verb);
  requireNoNulls(df, cols.ts, verb);
  const n = df.height;
  const ts = epochMs(df, cols.ts);
  const key1 = new Float64Array(n);
  const key2 = new Float64Array(n);
  const windowStart = new Float64Array(n).fill(NaN);
  let keyColumns: string[];
  if (by === "event") {
    requireColumns(df, [cols.user], verb);
    key1.set(labelRanks(df, cols.user));
    keyColumns = [cols.user, cols.ts];
  } else if (by === "session") {
    requireColumns(df, [cols.user, cols.session], verb);
    requireNoNulls(df, cols.session, verb);
    key1.set(labelRanks(df, cols.user));
    key2.set(floatColumn(df, cols.session));
    keyColumns = [cols.user, cols.session];
  } else {
    const owner = by === "co-visit" ? cols.item : cols.user;
    requireColumns(df, [owner], verb);
    if (!df.columns.includes(cols.local)) {
      throw new Error(
        `buildBaskets: by "${by}" bins local time but column '${cols.local}' is absent; add it with addLocalTime, ` +
          `or pass cols: { local: "ts" } to bin UTC time`,
      );
    }
    requireDatetime(df, cols.local, verb);
    requireNoNulls(df, cols.local, verb);
    key1.set(labelRanks(df, owner));
    const local = epochMs(df, cols.local);
    for (let i = 0; i < n; i++) {
      const day = Math.floor(local[i] / DAY_MS);
      if (by === "user-day") {
        key2[i] = day;
        windowStart[i] = day * DAY_MS;
      } else if (by === "user-week") {
        const week = Math.floor((day + 3) / 7);
        key2[i] = week;
        windowStart[i] = (week * 7 - 3) * DAY_MS;
      } else {
        const binMs = binMinutes * 60_000;
        const bin = Math.floor(local[i] / binMs);
        key2[i] = bin;
        windowStart[i] = bin * binMs;
      }
    }
    keyColumns = [owner];
  }
  const order = Int32Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => key1[a] - key1[b] || key2[a] - key2[b] || ts[a] - ts[b] || a - b);
  return { order, key1, key2, windowStart, keyColumns };
}

/**
 * Rank of each row's value of a String column in sorted (code-unit) order of the distinct
 * values; null ranks first.
 */
function labelRanks(df: pl.DataFrame, column: string): Float64Array {
  const values = df.getColumn(column).cast(pl.String).toArray() as (string | null)[];
  const distinct = [...new Set(values)].sort((x, y) => (x === y ? 0 : x === null ? -1 : y === null ? 1 : x < y ? -1 : 1));
  const rank = new Map<string | null, number>(distinct.map((v, r) => [v, r]));
  return Float64Array.from(values, (v) => rank.get(v) as number);
}
