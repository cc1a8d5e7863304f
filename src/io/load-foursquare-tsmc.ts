import pl from "nodejs-polars";
import { COL, EVENT } from "../schema";
import type { LoadReport } from "./load-report";
import { readRaw } from "./read-raw";
import { validateEvents } from "./validate-events";

/** Options of {@link loadFoursquareTsmc}. */
export interface LoadFoursquareTsmcOptions {
  /** `LoadReport.source` (default `"foursquare-tsmc"`). */
  source?: string;
}

const defaults = { source: "foursquare-tsmc" };

/** Column names of the TSMC2014 format, in file order. */
const TSMC_COLUMNS = ["user", "item", "category_id", "category", "lat", "lon", "tz_offset", "ts"];

/**
 * Loads Foursquare TSMC2014 check-ins (`dataset_TSMC2014_NYC.txt` / `_TKY.txt`): tab-separated,
 * no header, `userId \t venueId \t venueCategoryId \t venueCategory \t latitude \t longitude \t
 * timezoneOffset (minutes) \t utcTimestamp` with timestamps like `Tue Apr 03 18:00:09 +0000 2012`.
 * The file may be UTF-8 or latin-1.
 *
 * @param file - path of the TSMC2014 file.
 * @param options - see {@link LoadFoursquareTsmcOptions}.
 * @returns `frame` with columns user, item (venue id), ts (UTC), event (`"check-in"`),
 *   category (venue category name), lat, lon, tz_offset_min (local time = ts + offset); and its `report`.
 * @throws DataError naming the file when it is missing, empty, not tab-separated with 8 columns,
 *   or when every row is bad.
 * @example
 * ```ts
 * const { frame } = loadFoursquareTsmc("dataset_TSMC2014_NYC.txt");
 * frame.columns; // ["user", "item", "ts", "event", "category", "lat", "lon", "tz_offset_min"]
 * ```
 */
export function loadFoursquareTsmc(file: string, options: LoadFoursquareTsmcOptions = {}): { frame: pl.DataFrame; report: LoadReport } {
  const o = { ...defaults, ...options };
  const raw = readRaw(file, { sep: "\t", names: TSMC_COLUMNS });
  return validateEvents(
    raw,
    [
      { column: COL.user, from: "user" },
      { column: COL.item, from: "item" },
      { column: COL.ts, from: "ts", ts: "%a %b %d %H:%M:%S %z %Y" },
      { column: COL.event, constant: EVENT.checkIn },
      { column: COL.category, from: "category" },
      { column: COL.lat, from: "lat" },
      { column: COL.lon, from: "lon" },
      { column: COL.tzOffsetMin, from: "tz_offset" },
    ],
    { source: o.source, file, notes: ["utcTimestamp parsed with its +0000 offset; tz_offset_min gives local time"], exampleColumns: TSMC_COLUMNS },
  );
}
