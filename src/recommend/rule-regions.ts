/**
 * The region of each event, from a POI → region table (e.g. the sample's ground truth), for
 * `region:` context tokens.
 */
import pl from "nodejs-polars";
import { requireColumns } from "../clean/frame-access";
import { COL } from "../schema";
import { DataError } from "../util/data-error";

/**
 * A POI → region table (`item`, `region`, String) from a list of POIs, e.g. the sample's
 * ground truth (`readGroundTruth().pois`).
 *
 * @param pois objects with `item` and `region`.
 * @returns columns `item`, `region`, one row per distinct item.
 * @throws Error when an item is listed with two regions.
 * @example
 * ```ts
 * const regions = poiRegions(readGroundTruth().pois); // item | region
 * ```
 */
export function poiRegions(pois: readonly { item: string; region: string }[]): pl.DataFrame {
  const seen = new Map<string, string>();
  for (const p of pois) {
    const before = seen.get(p.item);
    if (before !== undefined && before !== p.region) throw new Error(`poiRegions: item ${p.item} is in two regions (${before}, ${p.region})`);
    seen.set(p.item, p.region);
  }
  return pl.DataFrame([pl.Series(COL.item, [...seen.keys()], pl.Utf8), pl.Series("region", [...seen.values()], pl.Utf8)]);
}

/**
 * Adds (or replaces) the `region` column of events by joining a POI → region table on item.
 * Rows are kept in order; items absent from the table get a null region, counted in `unmatched`.
 *
 * @param events event frame with `item`.
 * @param regions table with `item` and `region` (see {@link poiRegions}).
 * @returns the frame with `region` (String) and the number of rows without a region.
 * @throws DataError when a column is missing or an item has two regions.
 * @example
 * ```ts
 * const { frame, unmatched } = withItemRegions(events, poiRegions(readGroundTruth().pois));
 * ```
 */
export function withItemRegions(events: pl.DataFrame, regions: pl.DataFrame): { frame: pl.DataFrame; unmatched: number } {
  requireColumns(events, [COL.item], "withItemRegions");
  requireColumns(regions, [COL.item, "region"], "withItemRegions (regions)");
  const table = regions.select(pl.col(COL.item).cast(pl.Utf8), pl.col("region").cast(pl.Utf8)).unique();
  if (table.height !== table.select(COL.item).unique().height) throw new DataError("withItemRegions: the regions table gives an item two regions", { column: COL.item });
  const base = events.columns.includes("region") ? events.drop("region") : events;
  const frame = base.withRowIndex("__row__").join(table, { on: COL.item, how: "left" }).sort("__row__").drop("__row__");
  return { frame, unmatched: frame.getColumn("region").nullCount() };
}
