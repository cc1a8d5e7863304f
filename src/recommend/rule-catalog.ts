/**
 * The catalogue side of the rule recommender, read from training events: which category and
 * region each item belongs to, how often items and categories are visited, and each user's last
 * event and recent visits (the query context of `ruleRecommender.recommend`).
 */
import pl from "nodejs-polars";
import { epochMs, requireColumns, requireDatetime } from "../clean/frame-access";
import { DataError } from "../util/data-error";
import { fitBase } from "./fitted-base";
import { encodeIds, sortedIds } from "./id-index";
import type { RuleModel } from "./rule-model";

/**
 * Column names the catalogue reads.
 * @example
 * ```ts
 * const cols: RuleCatalogCols = { user: "user", item: "item", category: "category", region: "region", time: "ts_local" };
 * ```
 */
export interface RuleCatalogCols {
  user: string;
  item: string;
  category: string;
  /** Region of each event (e.g. the POI's district); ignored when absent from the frame. */
  region: string;
  /** Datetime of the local wall time (calendar tokens and recency). */
  time: string;
}

/**
 * The catalogue fields of a {@link RuleModel} (everything but the rules and the token settings).
 * @example
 * ```ts
 * const model: RuleModel = { ...ruleCatalog(train, cols, 120), contextRules, sequenceRules, dayParts, weekendDays, geohashPrecision: 5 };
 * ```
 */
export type RuleCatalog = Omit<RuleModel, "contextRules" | "sequenceRules" | "dayParts" | "weekendDays" | "geohashPrecision">;

/** For each key row, the value with the largest count (ties: smaller value code); −1 when none. */
function modeOf(keys: Int32Array, values: Int32Array, nKeys: number): { mode: Int32Array; conflicting: number } {
  const counts = new Map<number, number>();
  let nValues = 1;
  for (let r = 0; r < values.length; r++) if (values[r] + 1 > nValues) nValues = values[r] + 1;
  for (let r = 0; r < keys.length; r++) {
    if (keys[r] < 0 || values[r] < 0) continue;
    const key = keys[r] * nValues + values[r];
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const mode = new Int32Array(nKeys).fill(-1);
  const best = new Float64Array(nKeys);
  const distinct = new Int32Array(nKeys);
  for (const [key, n] of counts) {
    const k = Math.floor(key / nValues);
    const v = key - k * nValues;
    distinct[k]++;
    if (n > best[k] || (n === best[k] && v < mode[k])) {
      best[k] = n;
      mode[k] = v;
    }
  }
  let conflicting = 0;
  for (let k = 0; k < nKeys; k++) if (distinct[k] > 1) conflicting++;
  return { mode, conflicting };
}

/**
 * Builds the {@link RuleCatalog} from training events: sorted item, user, category and region
 * ids; visit counts (events) per item and category; distinct users per item; each item's
 * category and region (its most frequent one); each user's training items, last event (local
 * time, region) and the visits of the `historyMinutes` up to it.
 *
 * @param train events with user, item, category (nulls allowed: such events count for the
 *   item only) and the local Datetime `cols.time`; `cols.region` when present.
 * @param cols column names.
 * @param historyMinutes how far back from a user's last event recent visits are kept, ≥ 0.
 * @param extraCategories categories to index without training events (e.g. named only by rules).
 * @returns the catalogue; `meta` counts events without category and items seen with several
 *   categories or regions.
 * @throws DataError on an empty frame, a missing column or nulls in user / item / time.
 * @example
 * ```ts
 * const cat = ruleCatalog(train, { user: "user", item: "item", category: "category", region: "region", time: "ts_local" }, 240);
 * cat.categories; // ["Bar", "Coffee Shop", …]
 * ```
 */
export function ruleCatalog(train: pl.DataFrame, cols: RuleCatalogCols, historyMinutes: number, extraCategories: readonly string[] = []): RuleCatalog {
  const verb = "ruleRecommender";
  if (!(historyMinutes >= 0 && Number.isFinite(historyMinutes))) throw new Error(`historyMinutes must be a finite number >= 0, got ${historyMinutes}`);
  if (train.height === 0) throw new DataError(`${verb}: the training frame is empty`);
  requireColumns(train, [cols.user, cols.item, cols.category], verb);
  requireDatetime(train, cols.time, verb);
  const { base } = fitBase("RuleRecommender", train, { cols: { user: cols.user, item: cols.item } }, "binary");
  const { userIds, itemIds } = base;
  const n = train.height;
  const u = encodeIds(train, cols.user, userIds);
  const it = encodeIds(train, cols.item, itemIds);
  const categories = sortedIds(train, cols.category, extraCategories);
  const cat = encodeIds(train, cols.category, categories);
  const hasRegion = train.columns.includes(cols.region);
  const regions = hasRegion ? sortedIds(train, cols.region) : [];
  const reg = hasRegion ? encodeIds(train, cols.region, regions) : new Int32Array(n).fill(-1);
  const t = epochMs(train, cols.time);
  for (let r = 0; r < n; r++) if (Number.isNaN(t[r])) throw new DataError(`${verb}: the time column has a null at row ${r}; drop such rows first`, { column: cols.time });
  const itemVisits = new Float64Array(itemIds.length);
  const categoryVisits = new Float64Array(categories.length);
  let noCategory = 0;
  for (let r = 0; r < n; r++) {
    itemVisits[it[r]]++;
    if (cat[r] >= 0) categoryVisits[cat[r]]++;
    else noCategory++;
  }
  const itemCat = modeOf(it, cat, itemIds.length);
  const itemReg = modeOf(it, reg, itemIds.length);
  // each user's events by time (ties: row order): last event and recent visits
  const order = Int32Array.from({ length: n }, (_, r) => r).sort((a, b) => u[a] - u[b] || t[a] - t[b] || a - b);
  const nUsers = userIds.length;
  const lastTime = new Float64Array(nUsers).fill(NaN);
  const lastRegion = new Int32Array(nUsers).fill(-1);
  const recentIndptr = new Int32Array(nUsers + 1);
  const recent: number[] = [];
  const window = historyMinutes * 60_000;
  let p = 0;
  for (let user = 0; user < nUsers; user++) {
    const start = p;
    while (p < n && u[order[p]] === user) p++;
    if (p > start) {
      const last = order[p - 1];
      lastTime[user] = t[last];
      lastRegion[user] = reg[last] >= 0 ? reg[last] : itemReg.mode[it[last]];
      let q = p - 1;
      while (q > start && t[order[q - 1]] >= t[last] - window) q--;
      for (let j = q; j < p; j++) recent.push(order[j]);
    }
    recentIndptr[user + 1] = recent.length;
  }
  return {
    kind: "RuleRecommender",
    userIds,
    itemIds,
    meta: {
      ...base.meta,
      categories: categories.length,
      regions: regions.length,
      eventsWithoutCategory: noCategory,
      itemsWithSeveralCategories: itemCat.conflicting,
      itemsWithSeveralRegions: itemReg.conflicting,
      itemsWithoutCategory: itemCat.mode.filter((c) => c < 0).length,
    },
    categories,
    categoryVisits,
    itemVisits,
    itemCategory: itemCat.mode,
    regions,
    itemRegion: itemReg.mode,
    seenIndptr: base.seenIndptr,
    seenIndices: base.seenIndices,
    popularity: base.popularity,
    lastTime,
    lastRegion,
    recentIndptr,
    recentCategory: Int32Array.from(recent, (r) => cat[r]),
    recentItem: Int32Array.from(recent, (r) => it[r]),
    recentTime: Float64Array.from(recent, (r) => t[r]),
  };
}

