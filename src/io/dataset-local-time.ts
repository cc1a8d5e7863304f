import type pl from "nodejs-polars";
import type { AddLocalTimeOptions } from "../clean/add-local-time";
import { COL } from "../schema";

/** IANA zones of the registry datasets whose events happened in one known city or country. */
export const DATASET_ZONES: Readonly<Record<string, string>> = {
  "gowalla-nyc": "America/New_York",
  "foursquare-nyc": "America/New_York",
  taobao: "Asia/Shanghai",
};

/**
 * How to derive local time for a dataset: its per-row offset column when it has one (the
 * embedded sample, Foursquare TSMC), else its known zone (New York check-ins, Taobao), else
 * solar time from longitude (approximate), else `null` (no local time can be derived: MovieLens
 * users live in many US zones and the data has no location).
 *
 * @example
 * ```ts
 * const source = localTimeSource("gowalla-nyc", frame); // { from: "zone", zone: "America/New_York" }
 * if (source) steps.push({ verb: "addLocalTime", options: source });
 * ```
 */
export function localTimeSource(dataset: string, frame: pl.DataFrame): AddLocalTimeOptions | null {
  const has = (c: string) => frame.columns.includes(c);
  if (has(COL.tzOffsetMin) && frame.getColumn(COL.tzOffsetMin).nullCount() < frame.height) return { from: "offset" };
  const zone = DATASET_ZONES[dataset];
  if (zone) return { from: "zone", zone };
  if (has(COL.lon)) return { from: "solar" };
  return null;
}
