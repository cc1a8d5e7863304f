import pl from "nodejs-polars";
import { COL, EVENT } from "../schema";
import type { LoadReport } from "./load-report";
import { readRaw } from "./read-raw";
import { collapseWhitespace } from "./text-bytes";
import { validateEvents } from "./validate-events";

/** Options of {@link loadFoursquareTist}. */
export interface LoadFoursquareTistOptions {
  /** `LoadReport.source` (default `"foursquare-tist"`). */
  source?: string;
}

const defaults = { source: "foursquare-tist" };

/** Column names of the format, in file order. */
const TIST_COLUMNS = ["user", "item", "lat", "lon", "ts"];

/**
 * Loads TIST2015-style Foursquare check-ins written as whitespace-separated columns (runs of
 * spaces or tabs), no header: `user venue lat lon unix-seconds`, as in the New York subset
 * `US_NewYork_POIS_Coords_shortCompleto2.txt`.
 *
 * @param file - path of the file.
 * @param options - see {@link LoadFoursquareTistOptions}.
 * @returns `frame` with columns user, item (venue id), ts (UTC), event (`"check-in"`), lat, lon;
 *   and its `report`.
 * @throws DataError naming the file when it is missing, empty, has fewer than 5 columns, or
 *   when every row is bad.
 * @example
 * ```ts
 * const { frame } = loadFoursquareTist(`${DATA_DIR}/foursquare_tist2015_nyc_subset/US_NewYork_POIS_Coords_shortCompleto2.txt`);
 * frame.height; // 50000
 * ```
 */
export function loadFoursquareTist(file: string, options: LoadFoursquareTistOptions = {}): { frame: pl.DataFrame; report: LoadReport } {
  const o = { ...defaults, ...options };
  const raw = readRaw(file, { sep: "\t", sepLabel: "whitespace (runs of spaces or tabs)", transform: collapseWhitespace, names: TIST_COLUMNS });
  return validateEvents(
    raw,
    [
      { column: COL.user, from: "user" },
      { column: COL.item, from: "item" },
      { column: COL.ts, from: "ts", ts: "unix_s" },
      { column: COL.event, constant: EVENT.checkIn },
      { column: COL.lat, from: "lat" },
      { column: COL.lon, from: "lon" },
    ],
    { source: o.source, file, notes: ["timestamps are unix seconds (UTC)"] },
  );
}
