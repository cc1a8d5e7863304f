import pl from "nodejs-polars";
import { epochMs, floatColumn, requireColumns } from "../clean/frame-access";
import { encodeIds, sortedIds } from "../recommend/id-index";
import { COL } from "../schema";
import { csrFromEdges, type Csr } from "./csr";
import { itemTransitions, type ItemTransitionCounts } from "./item-transitions";
import { poiKnn } from "./poi-knn";

/**
 * Options of {@link itemItemGraph}.
 *
 * @example
 * ```ts
 * itemItemGraph(events, itemIds, { transitionGapHours: 3, proximityK: 5 });
 * ```
 */
export interface ItemItemGraphOptions {
  /** Consecutive events of a user at most this far apart form a transition, hours. Default 6. */
  transitionGapHours?: number;
  /** Nearest POIs per item for proximity edges; 0 turns them off. Default 10. */
  proximityK?: number;
  /** Proximity edges farther than this are dropped, metres. Default `Infinity`. */
  proximityMaxM?: number;
  /** Proximity weight `exp(−d / proximityScaleM)`, metres. Default 1000. */
  proximityScaleM?: number;
  /** Column names. Default `COL.user`, `COL.item`, `COL.ts`, `COL.lat`, `COL.lon`. */
  cols?: { user?: string; item?: string; ts?: string; lat?: string; lon?: string };
}

/**
 * The item–item edges of a spatio-temporal graph.
 *
 * @example
 * ```ts
 * const ii: ItemItemGraph = itemItemGraph(events, itemIds);
 * ii.transition; // directed counts
 * ```
 */
export interface ItemItemGraph {
  /** Directed transition counts a → b (`nItems × nItems`). */
  transition: Csr;
  /** Symmetric proximity weights `exp(−d/scale)` of the k-nearest-neighbour graph (max of both directions). */
  proximity: Csr;
  /** Median coordinates per item (NaN without any). */
  itemLat: Float64Array;
  itemLon: Float64Array;
  counts: { transitions: ItemTransitionCounts; itemsWithoutCoords: number; eventsOfUnknownItems: number };
}

/**
 * Defaults of {@link ItemItemGraphOptions} (6 h transition gap, 10 nearest POIs, no distance cap, 1 km weight scale).
 *
 * @example
 * ```ts
 * ITEM_ITEM_DEFAULTS.proximityK; // 10
 * ```
 */
export const ITEM_ITEM_DEFAULTS = { transitionGapHours: 6, proximityK: 10, proximityMaxM: Infinity, proximityScaleM: 1000 };

/**
 * Item–item transition and proximity edges over a given item list (`itemIds[i]` is item i):
 * transitions from consecutive events of each user within `transitionGapHours` (see
 * `itemTransitions`), proximity from the `proximityK` nearest items by haversine distance of
 * their median coordinates (see `poiKnn`), weighted `exp(−d/proximityScaleM)` and symmetrised.
 * Events of items not in `itemIds` are counted and left out; without `lat`/`lon` columns there
 * are no proximity edges.
 *
 * @param df events with user, item, ts and optionally lat, lon.
 * @param itemIds the item index (e.g. `indexInteractions(df).itemIds`).
 * @param options see {@link ItemItemGraphOptions}.
 * @example
 * ```ts
 * const { transition, proximity } = itemItemGraph(train, inter.itemIds, { proximityK: 5 });
 * ```
 */
export function itemItemGraph(df: pl.DataFrame, itemIds: readonly string[], options: ItemItemGraphOptions = {}): ItemItemGraph {
  const o = { ...ITEM_ITEM_DEFAULTS, ...options };
  const c = { user: COL.user, item: COL.item, ts: COL.ts, lat: COL.lat, lon: COL.lon, ...options.cols };
  if (!(o.transitionGapHours > 0)) throw new Error(`transitionGapHours must be > 0, got ${o.transitionGapHours}`);
  if (!(Number.isInteger(o.proximityK) && o.proximityK >= 0)) throw new Error(`proximityK must be an integer >= 0, got ${o.proximityK}`);
  if (!(o.proximityScaleM > 0)) throw new Error(`proximityScaleM must be > 0, got ${o.proximityScaleM}`);
  requireColumns(df, [c.user, c.item, c.ts], "itemItemGraph");
  const nItems = itemIds.length;
  const items = encodeIds(df, c.item, itemIds);
  const users = encodeIds(df, c.user, sortedIds(df, c.user));
  const ts = epochMs(df, c.ts);
  const keep: number[] = [];
  for (let r = 0; r < items.length; r++) if (items[r] >= 0) keep.push(r);
  const { matrix: transition, counts } = itemTransitions(
    Int32Array.from(keep, (r) => users[r]),
    Int32Array.from(keep, (r) => items[r]),
    Float64Array.from(keep, (r) => ts[r]),
    nItems,
    { maxGapMs: o.transitionGapHours * 3_600_000 },
  );

  const itemLat = new Float64Array(nItems).fill(NaN);
  const itemLon = new Float64Array(nItems).fill(NaN);
  const hasCoords = df.columns.includes(c.lat) && df.columns.includes(c.lon);
  if (hasCoords) {
    const med = df
      .select(pl.col(c.item).cast(pl.Utf8), pl.col(c.lat).cast(pl.Float64), pl.col(c.lon).cast(pl.Float64))
      .filter(pl.col(c.lat).isNotNull().and(pl.col(c.lon).isNotNull()).and(pl.col(c.lat).isNotNan()).and(pl.col(c.lon).isNotNan()))
      .groupBy(c.item)
      .agg(pl.col(c.lat).median(), pl.col(c.lon).median());
    const code = encodeIds(med, c.item, itemIds);
    const la = floatColumn(med, c.lat);
    const lo = floatColumn(med, c.lon);
    for (let r = 0; r < code.length; r++) {
      if (code[r] >= 0) {
        itemLat[code[r]] = la[r];
        itemLon[code[r]] = lo[r];
      }
    }
  }
  let itemsWithoutCoords = 0;
  for (let i = 0; i < nItems; i++) if (Number.isNaN(itemLat[i])) itemsWithoutCoords++;
  let proximity: Csr = csrFromEdges({ rows: [], cols: [] }, { nRows: nItems, nCols: nItems });
  if (o.proximityK > 0 && itemsWithoutCoords < nItems) {
    const knn = poiKnn(itemLat, itemLon, { k: o.proximityK, maxDistanceM: o.proximityMaxM });
    const rows: number[] = [];
    const cols: number[] = [];
    const w: number[] = [];
    for (let i = 0; i < nItems; i++) {
      for (let p = knn.indptr[i]; p < knn.indptr[i + 1]; p++) {
        rows.push(i);
        cols.push(knn.indices[p]);
        w.push(Math.exp(-knn.values[p] / o.proximityScaleM));
      }
    }
    proximity = csrFromEdges({ rows, cols, values: w }, { nRows: nItems, nCols: nItems, symmetric: true, duplicates: "max", dropZeros: true });
  }
  return { transition, proximity, itemLat, itemLon, counts: { transitions: counts, itemsWithoutCoords, eventsOfUnknownItems: items.length - keep.length } };
}
