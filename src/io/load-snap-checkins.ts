import pl from "nodejs-polars";
import { COL, EVENT } from "../schema";
import type { LoadReport } from "./load-report";
import { joinOnItem } from "./join-on-item";
import { N, selectN } from "./native-expr";
import { readRaw } from "./read-raw";
import { validateEvents } from "./validate-events";

/** Options of {@link loadSnapCheckins}. */
export interface LoadSnapCheckinsOptions {
  /**
   * Spots file `id \t name \t lat \t lon` (no header, e.g. Gowalla `spots.txt`); when given,
   * each check-in's `text` is the name of its location. Default: none (no `text` column).
   */
  spots?: string;
  /** `LoadReport.source` (default `"snap-checkins"`). */
  source?: string;
  /** Read at most this many check-ins (default: all). */
  nRows?: number;
}

const defaults = { source: "snap-checkins" };

/** Column names of the SNAP check-in format, in file order. */
const CHECKIN_COLUMNS = ["user", "ts", "lat", "lon", "item"];
const KEY = "__spot_key";

/**
 * Loads SNAP Gowalla / Brightkite check-ins: tab-separated, no header,
 * `user \t ISO-8601 UTC time (2010-10-12T00:21:28Z) \t lat \t lon \t location id`.
 *
 * @param file - path of `loc-gowalla_totalCheckins.txt` (or a subset in the same format).
 * @param options - optional spots file for venue names; see {@link LoadSnapCheckinsOptions}.
 * @returns `frame` with columns user, item (location id), ts, event (`"check-in"`), lat, lon,
 *   and text (spot name, null when the spot is unknown) when `spots` is given; and its `report`.
 * @throws DataError naming the file when it is missing, empty, not tab-separated with 5 columns,
 *   or when every row is bad.
 * @example
 * ```ts
 * const { frame, report } = loadSnapCheckins(`${DATA_DIR}/gowalla_snap_nyc/loc-gowalla_totalCheckins_nyc_bbox.txt`,
 *   { spots: `${DATA_DIR}/gowalla_snap_nyc/gowalla_spots_nyc.tsv` });
 * frame.height; // 138957
 * ```
 */
export function loadSnapCheckins(file: string, options: LoadSnapCheckinsOptions = {}): { frame: pl.DataFrame; report: LoadReport } {
  const o = { ...defaults, ...options };
  let raw = readRaw(file, { sep: "\t", names: CHECKIN_COLUMNS, nRows: o.nRows });
  const notes = ["timestamps are ISO-8601 UTC"];
  if (o.spots) {
    const spots = selectN(readRaw(o.spots, { sep: "\t", names: ["spot_id", "spot_name"] }).lazy(), [
      N.alias(N.strip(N.col("spot_id")), KEY),
      N.col("spot_name"),
    ]);
    raw = joinOnItem(raw, spots, KEY);
  }
  const { frame, report } = validateEvents(
    raw,
    [
      { column: COL.user, from: "user" },
      { column: COL.item, from: "item" },
      { column: COL.ts, from: "ts", ts: "%Y-%m-%dT%H:%M:%SZ" },
      { column: COL.event, constant: EVENT.checkIn },
      { column: COL.lat, from: "lat" },
      { column: COL.lon, from: "lon" },
      ...(o.spots ? [{ column: COL.text, from: "spot_name" }] : []),
    ],
    { source: o.source, file, files: o.spots ? [file, o.spots] : [file], notes, exampleColumns: CHECKIN_COLUMNS },
  );
  if (o.spots) {
    const named = frame.height - frame.getColumn(COL.text).nullCount();
    report.notes.push(`${named.toLocaleString("en-US")} of ${frame.height.toLocaleString("en-US")} check-ins have a spot name`);
  }
  return { frame, report };
}
