import pl from "nodejs-polars";
import { COL, EVENT } from "../schema";
import { CATEGORIES, TZ_OFFSET_MIN } from "./city-config";
import { round6, type City } from "./city";
import type { DirtPlan } from "./dirt";
import type { SimEvent } from "./sim-event";

/** One output row in canonical column order (ts in UTC ms). */
export interface EventRow {
  user: string;
  item: string;
  ts: number;
  event: string;
  category: string | null;
  lat: number | null;
  lon: number | null;
  text: string;
}

const YEAR_MS = 365 * 86_400_000;

function cmpStr(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

function cmpNum(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a - b;
}

/**
 * Total order of rows: ts, user, item, event, category, lat, lon, text (nulls first; strings by code unit).
 * @example
 * ```ts
 * rows.sort(compareRows);
 * ```
 */
export function compareRows(a: EventRow, b: EventRow): number {
  return (
    a.ts - b.ts ||
    cmpStr(a.user, b.user) ||
    cmpStr(a.item, b.item) ||
    cmpStr(a.event, b.event) ||
    cmpStr(a.category, b.category) ||
    cmpNum(a.lat, b.lat) ||
    cmpNum(a.lon, b.lon) ||
    cmpStr(a.text, b.text)
  );
}

/**
 * The clean row of a simulated event (POI attributes copied from the city).
 * @example
 * ```ts
 * eventToRow(events[0], city, userIds).item; // "p0123"
 * ```
 */
export function eventToRow(e: SimEvent, city: City, userIds: string[]): EventRow {
  const p = city.pois[e.p];
  return {
    user: userIds[e.u],
    item: p.item,
    ts: e.t,
    event: e.buy ? EVENT.buy : EVENT.checkIn,
    category: CATEGORIES[p.cat],
    lat: p.lat,
    lon: p.lon,
    text: p.name,
  };
}

/**
 * Builds all output rows: valid events as clean rows, planned corruptions written in place,
 * planned copies added, bot events added; sorted by {@link compareRows}.
 *
 * @param events valid events (sorted).
 * @param bots bot events.
 * @param plan the dirt plan over `events`.
 * @param city the city.
 * @param userIds public id of every user index (bots included).
 * @param yearsAhead shift of `ts_after_end` rows, ms.
 * @returns the sorted rows.
 * @example
 * ```ts
 * const rows = buildRows(events, botEvents, plan, city, ids, aheadMs);
 * ```
 */
export function buildRows(events: SimEvent[], bots: SimEvent[], plan: DirtPlan, city: City, userIds: string[], yearsAhead: number): EventRow[] {
  const rows: EventRow[] = [];
  events.forEach((e, i) => {
    const row = eventToRow(e, city, userIds);
    switch (plan.corrupt.get(i)) {
      case "missing_coordinates":
        row.lat = null;
        row.lon = null;
        break;
      case "missing_category":
        row.category = null;
        break;
      case "lat_out_of_range":
        [row.lat, row.lon] = [row.lon, row.lat];
        break;
      case "lon_out_of_range":
        row.lon = round6((row.lon as number) * 10);
        break;
      case "ts_before_start":
        row.ts = plan.epochZero.has(i) ? 0 : row.ts - YEAR_MS;
        break;
      case "ts_after_end":
        row.ts += yearsAhead;
        break;
      default:
        break;
    }
    rows.push(row);
  });
  for (const c of plan.copies) {
    const row = eventToRow(events[c.index], city, userIds);
    row.ts += c.dtMs;
    rows.push(row);
  }
  for (const e of bots) rows.push(eventToRow(e, city, userIds));
  return rows.sort(compareRows);
}

/**
 * Turns rows into a canonical event frame: user, item (String), ts (Datetime("ms"), UTC wall
 * time), event, category (String), lat, lon (Float64), tz_offset_min (Int32, 480), text.
 *
 * @param rows rows in the order wanted.
 * @returns the frame.
 * @example
 * ```ts
 * rowsToFrame(rows).columns; // ["user", "item", "ts", "event", "category", "lat", "lon", "tz_offset_min", "text"]
 * ```
 */
export function rowsToFrame(rows: EventRow[]): pl.DataFrame {
  return pl.DataFrame([
    pl.Series(COL.user, rows.map((r) => r.user), pl.Utf8),
    pl.Series(COL.item, rows.map((r) => r.item), pl.Utf8),
    pl.Series(COL.ts, rows.map((r) => r.ts), pl.Float64).cast(pl.Int64).cast(pl.Datetime("ms")),
    pl.Series(COL.event, rows.map((r) => r.event), pl.Utf8),
    pl.Series(COL.category, rows.map((r) => r.category), pl.Utf8),
    pl.Series(COL.lat, rows.map((r) => r.lat), pl.Float64),
    pl.Series(COL.lon, rows.map((r) => r.lon), pl.Float64),
    pl.Series(COL.tzOffsetMin, rows.map(() => TZ_OFFSET_MIN), pl.Int32),
    pl.Series(COL.text, rows.map((r) => r.text), pl.Utf8),
  ]);
}
