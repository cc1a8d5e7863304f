import pl from "nodejs-polars";
import { epochMs, requireColumns, requireDatetime } from "../clean/frame-access";
import { encodeIds, sortedIds } from "../recommend/id-index";
import { COL } from "../schema";
import { DataError } from "../util/data-error";
import { blockAdjacency } from "./block-adjacency";
import { csrFromEdges, sumCsr, transposeCsr, type Csr } from "./csr";
import { itemItemGraph, ITEM_ITEM_DEFAULTS, type ItemItemGraph, type ItemItemGraphOptions } from "./item-item-graph";

/**
 * Options of {@link buildStGraph} (plus the item–item options of `itemItemGraph`).
 *
 * @example
 * ```ts
 * buildStGraph(events, { tauDays: 14, transitionGapHours: 3, proximityK: 8 });
 * ```
 */
export interface StGraphOptions extends ItemItemGraphOptions {
  /** Time-decay scale τ of user–item weights `w = Σ exp(−age/τ)`, days (> 0). Default 30. */
  tauDays?: number;
  /** The instant ages are measured from. Default: the latest event. */
  referenceTime?: Date;
}

/**
 * A spatio-temporal user–item graph with typed edges, one CSR per type.
 *
 * @example
 * ```ts
 * const g: StGraph = buildStGraph(events);
 * g.userItem.nRows === g.userIds.length;
 * ```
 */
export interface StGraph extends ItemItemGraph {
  /** Sorted user ids (index = user node). */
  userIds: string[];
  /** Sorted item ids (index = item node). */
  itemIds: string[];
  /** users × items, `Σ exp(−age/τ)` over the pair's events (age in days before the reference time). */
  userItem: Csr;
  /** The settings used, defaults filled in. */
  settings: { tauDays: number; referenceTimeMs: number; transitionGapHours: number; proximityK: number; proximityMaxM: number; proximityScaleM: number };
  counts: ItemItemGraph["counts"] & { events: number; eventsAfterReference: number };
}

const defaults = { tauDays: 30, ...ITEM_ITEM_DEFAULTS };
const DAY_MS = 86_400_000;

/**
 * Builds the spatio-temporal graph of an event frame: user–item edges weighted by
 * exponentially time-decayed counts `w(u, i) = Σ_events exp(−(t_ref − t)/τ)` (recent visits
 * weigh more; an event after `referenceTime` counts as age 0 and is counted), item → item
 * transition edges from consecutive events of a user within `transitionGapHours`, and
 * symmetric POI proximity edges between each item and its `proximityK` nearest items
 * (haversine). Each edge type is its own CSR; {@link stAdjacency} combines them.
 *
 * @param df events with user, item, ts (Datetime) and optionally lat, lon.
 * @param options see {@link StGraphOptions}.
 * @returns the {@link StGraph}.
 * @throws DataError when a required column is missing or holds nulls.
 * @example
 * ```ts
 * const g = buildStGraph(events, { tauDays: 14 });
 * show(graphDegreeFigure(graphDegreeFrame(g)));
 * ```
 */
export function buildStGraph(df: pl.DataFrame, options: StGraphOptions = {}): StGraph {
  const o = { ...defaults, ...options };
  const c = { user: COL.user, item: COL.item, ts: COL.ts, ...options.cols };
  if (!(o.tauDays > 0)) throw new Error(`tauDays must be > 0, got ${o.tauDays}`);
  requireColumns(df, [c.user, c.item, c.ts], "buildStGraph");
  requireDatetime(df, c.ts, "buildStGraph");
  for (const col of [c.user, c.item, c.ts]) {
    const nulls = df.getColumn(col).nullCount();
    if (nulls > 0) throw new DataError(`buildStGraph found ${nulls} null value(s); drop them first`, { column: col });
  }
  if (df.height === 0) throw new DataError("buildStGraph: the frame is empty");
  const userIds = sortedIds(df, c.user);
  const itemIds = sortedIds(df, c.item);
  const u = encodeIds(df, c.user, userIds);
  const i = encodeIds(df, c.item, itemIds);
  const t = epochMs(df, c.ts);
  let ref = options.referenceTime?.getTime() ?? -Infinity;
  if (options.referenceTime === undefined) for (let r = 0; r < t.length; r++) if (t[r] > ref) ref = t[r];
  if (!Number.isFinite(ref)) throw new Error(`referenceTime must be a valid date, got ${options.referenceTime}`);
  let after = 0;
  const w = new Float64Array(t.length);
  for (let r = 0; r < t.length; r++) {
    const age = (ref - t[r]) / DAY_MS;
    if (age < 0) after++;
    w[r] = Math.exp(-Math.max(0, age) / o.tauDays);
  }
  const userItem = csrFromEdges({ rows: u, cols: i, values: w }, { nRows: userIds.length, nCols: itemIds.length });
  const ii = itemItemGraph(df, itemIds, options);
  return {
    ...ii,
    userIds,
    itemIds,
    userItem,
    settings: {
      tauDays: o.tauDays,
      referenceTimeMs: ref,
      transitionGapHours: o.transitionGapHours,
      proximityK: o.proximityK,
      proximityMaxM: o.proximityMaxM,
      proximityScaleM: o.proximityScaleM,
    },
    counts: { ...ii.counts, events: df.height, eventsAfterReference: after },
  };
}

/**
 * Options of {@link stAdjacency}.
 *
 * @example
 * ```ts
 * stAdjacency(g, { transitionWeight: 0.5, proximityWeight: 0.2 });
 * ```
 */
export interface StAdjacencyOptions {
  /** Factor of the symmetrised transitions `T + Tᵀ`. Default 1. */
  transitionWeight?: number;
  /** Factor of the proximity block. Default 1. */
  proximityWeight?: number;
  /** Use the decayed user–item weights (else 1 per pair). Default `true`. */
  weighted?: boolean;
}

/**
 * The combined block adjacency of an {@link StGraph} over users then items:
 * `[[0, R], [Rᵀ, a·(T + Tᵀ) + b·P]]` (symmetric; normalise it with `normalizeAdjacency`).
 *
 * @example
 * ```ts
 * const adj = normalizeAdjacency(stAdjacency(g, { transitionWeight: 0.5 }));
 * ```
 */
export function stAdjacency(g: StGraph, options: StAdjacencyOptions = {}): Csr {
  const a = options.transitionWeight ?? 1;
  const b = options.proximityWeight ?? 1;
  if (!(a >= 0 && b >= 0 && Number.isFinite(a) && Number.isFinite(b))) throw new Error(`transitionWeight and proximityWeight must be finite and >= 0, got ${a}, ${b}`);
  const r = options.weighted ?? true ? g.userItem : { ...g.userItem, values: new Float32Array(g.userItem.values.length).fill(1) };
  const terms = [
    { matrix: g.transition, weight: a },
    { matrix: transposeCsr(g.transition), weight: a },
    { matrix: g.proximity, weight: b },
  ].filter((x) => x.weight > 0);
  return blockAdjacency(r, terms.length ? { itemItem: sumCsr(terms) } : {});
}
