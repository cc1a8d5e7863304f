/**
 * The canonical event schema: every loader returns these column names, every verb reads them.
 *
 * | column          | Polars type     | meaning                                                        |
 * |-----------------|-----------------|----------------------------------------------------------------|
 * | `user`          | String          | user id (kept as text: ids differ in kind between datasets)    |
 * | `item`          | String          | item / POI / venue / movie id                                  |
 * | `ts`            | Datetime("ms")  | event instant in **UTC** (naive datetime whose wall time is UTC)|
 * | `event`         | String          | optional: view, cart, fav, buy, check-in, rating …             |
 * | `rating`        | Float64         | optional explicit rating                                       |
 * | `category`      | String          | optional item / venue category                                 |
 * | `lat`, `lon`    | Float64         | optional WGS84 coordinates in degrees                          |
 * | `tz_offset_min` | Int32           | optional offset of local time from UTC in minutes              |
 * | `text`          | String          | optional free text (title, venue name …)                       |
 *
 * @example
 * ```ts
 * import { COL } from "../src";
 * df.filter(pl.col(COL.user).eq(pl.lit("42")));
 * ```
 */
export const COL = {
  user: "user",
  item: "item",
  ts: "ts",
  event: "event",
  rating: "rating",
  category: "category",
  lat: "lat",
  lon: "lon",
  tzOffsetMin: "tz_offset_min",
  text: "text",
} as const;

/** A canonical column name. */
export type ColumnName = (typeof COL)[keyof typeof COL];

/** Columns every event frame has. */
export const REQUIRED_COLUMNS: readonly ColumnName[] = [COL.user, COL.item, COL.ts];

/** Columns an event frame may have, in canonical order after the required ones. */
export const OPTIONAL_COLUMNS: readonly ColumnName[] = [
  COL.event,
  COL.rating,
  COL.category,
  COL.lat,
  COL.lon,
  COL.tzOffsetMin,
  COL.text,
];

/** The default seed of every random step (`SEED` in notebooks). */
export const SEED = 42;

/** Known event types (free text is allowed; these are the ones the library interprets). */
export const EVENT = {
  view: "view",
  cart: "cart",
  fav: "fav",
  buy: "buy",
  checkIn: "check-in",
  rating: "rating",
} as const;

/** One event as a plain object (for small fixtures and `toRecords()` output). */
export interface EventRecord {
  user: string;
  item: string;
  /** UTC instant. */
  ts: Date;
  event?: string | null;
  rating?: number | null;
  category?: string | null;
  lat?: number | null;
  lon?: number | null;
  tz_offset_min?: number | null;
  text?: string | null;
}
