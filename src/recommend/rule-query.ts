/**
 * A recommendation query of the rule recommender (a user's current situation) and the tokens it
 * holds.
 */
import { geohashEncode } from "../spatial/geohash";
import { ST_PREFIX } from "../patterns/st-tokens";
import { checkRuleToken } from "./rule-parse";
import type { RuleModel } from "./rule-model";

/**
 * One recent visit of the querying user.
 * @example
 * ```ts
 * const v: RuleVisit = { category: "Gym", time: new Date("2024-06-01T07:10:00Z"), item: "p0042" };
 * ```
 */
export interface RuleVisit {
  /** Category of the visited item. */
  category: string;
  /** When, on the same clock as the query's `time` (a Date or epoch ms). */
  time: Date | number;
  /** The visited item, if known (matches item-token antecedents; excluded with `excludeSeen`). */
  item?: string;
}

/**
 * A user's current context: when (local time), where, and what they did recently.
 *
 * @example
 * ```ts
 * const q: RuleQuery = {
 *   user: "u0001",
 *   time: new Date("2024-06-01T19:30:00Z"), // Saturday 19:30 local wall time
 *   region: "Riverside",
 *   recent: [{ category: "Gym", time: new Date("2024-06-01T18:45:00Z") }],
 * };
 * ```
 */
export interface RuleQuery {
  /** Id written in the `user` column of the output (a user, or any query id). */
  user: string;
  /**
   * The query instant as **local wall time** in a naive Date (its UTC fields are the local
   * clock, as `ts_local`) or its epoch ms. Gives the `time:`, `day:` and `hour:` tokens.
   */
  time: Date | number;
  /** Region the user is in (`region:` token). Default: none. */
  region?: string | null;
  /** Position (`cell:` token, geohash at the model's precision). Default: none. */
  lat?: number | null;
  lon?: number | null;
  /** Extra context tokens (e.g. `"cluster:3"`, `"event:buy"`). Default: none. */
  tokens?: readonly string[];
  /** Recent visits (any order). Default: none. */
  recent?: readonly RuleVisit[];
}

/**
 * A query with its instant, tokens and recent visits in numbers (see {@link parseQuery}).
 * @example
 * ```ts
 * const q: ParsedQuery = parseQuery(model, { user: "u1", time: Date.UTC(2024, 5, 1, 19) }, 0, 120);
 * ```
 * @internal
 */
export interface ParsedQuery {
  user: string;
  /** Epoch ms of the local wall time. */
  t: number;
  tokens: Set<string>;
  /** Minutes since the latest visit of each category (only visits with 0 ≤ elapsed). */
  elapsedByCategory: Map<string, number>;
  /** Items of the recent visits. */
  recentItems: string[];
  region: string | null;
}

const MIN_MS = 60_000;

function toMs(v: Date | number, where: string): number {
  const ms = v instanceof Date ? v.getTime() : v;
  if (typeof ms !== "number" || !Number.isFinite(ms)) throw new Error(`${where} must be a valid Date or epoch ms, got ${String(v)}`);
  return ms;
}

/** The part-of-day label of an hour. */
function partOfDay(model: RuleModel, hour: number): string {
  let label = model.dayParts[0].label;
  for (const p of model.dayParts) if (hour >= p.from) label = p.label;
  return label;
}

/**
 * Reads a query: its calendar tokens (`time:`, `day:`, `hour:` from the local time with the
 * model's bins), place tokens (`region:`, `cell:`), the extra tokens, and behaviour tokens
 * (`cat:<category>` and item ids) of the visits at most `behaviourMinutes` before `time`.
 *
 * @param model the model (bins, weekend days, geohash precision).
 * @param q the query.
 * @param index position of the query, for messages.
 * @param behaviourMinutes window of the behaviour tokens, minutes ≥ 0.
 * @returns the parsed query.
 * @throws Error on a missing user id, a bad time, a visit after the query time, or a bad token.
 * @example
 * ```ts
 * parseQuery(model, { user: "u1", time: Date.UTC(2024, 5, 1, 19, 30), region: "Riverside" }, 0, 120).tokens;
 * // Set { "time:evening", "day:weekend", "hour:19", "region:Riverside" }
 * ```
 * @internal
 */
export function parseQuery(model: RuleModel, q: RuleQuery, index: number, behaviourMinutes: number): ParsedQuery {
  const where = `queries[${index}]`;
  if (q === null || typeof q !== "object") throw new Error(`${where} must be a query object`);
  if (typeof q.user !== "string") throw new Error(`${where}.user must be a string id, got ${String(q.user)}`);
  const t = toMs(q.time, `${where}.time`);
  const d = new Date(t);
  const hour = d.getUTCHours();
  const weekday = d.getUTCDay() === 0 ? 7 : d.getUTCDay();
  const tokens = new Set<string>([
    `${ST_PREFIX.time}${partOfDay(model, hour)}`,
    `${ST_PREFIX.day}${model.weekendDays.includes(weekday) ? "weekend" : "weekday"}`,
    `${ST_PREFIX.hour}${hour}`,
  ]);
  const region = q.region ?? null;
  if (region !== null) tokens.add(`${ST_PREFIX.region}${region}`);
  if (q.lat !== undefined && q.lat !== null && q.lon !== undefined && q.lon !== null) {
    if (!(Math.abs(q.lat) <= 90 && Math.abs(q.lon) <= 180)) throw new Error(`${where}: lat/lon must be in [-90, 90] / [-180, 180], got ${q.lat}, ${q.lon}`);
    tokens.add(`${ST_PREFIX.cell}${geohashEncode(q.lat, q.lon, model.geohashPrecision)}`);
  }
  for (const tok of q.tokens ?? []) tokens.add(checkRuleToken(tok, `${where}.tokens`));
  const elapsedByCategory = new Map<string, number>();
  const recentItems: string[] = [];
  (q.recent ?? []).forEach((v, j) => {
    const at = toMs(v.time, `${where}.recent[${j}].time`);
    const elapsed = (t - at) / MIN_MS;
    if (elapsed < 0) throw new Error(`${where}.recent[${j}] is ${-elapsed} min after the query time; recent visits must not be later than the query`);
    if (typeof v.category !== "string") throw new Error(`${where}.recent[${j}].category must be a string, got ${String(v.category)}`);
    const before = elapsedByCategory.get(v.category);
    if (before === undefined || elapsed < before) elapsedByCategory.set(v.category, elapsed);
    if (v.item !== undefined) recentItems.push(v.item);
    if (elapsed <= behaviourMinutes) {
      tokens.add(`${ST_PREFIX.category}${v.category}`);
      if (v.item !== undefined) tokens.add(v.item);
    }
  });
  return { user: q.user, t, tokens, elapsedByCategory, recentItems, region };
}

/**
 * The query of a known user (dense index u) at their last training event: its local time and
 * region, and the visits of the model's `historyMinutes` up to it (the last one included, at
 * elapsed 0).
 *
 * @example
 * ```ts
 * userQuery(model, 0); // { user: model.userIds[0], time: …, region: "Riverside", recent: [...] }
 * ```
 * @internal
 */
export function userQuery(model: RuleModel, u: number): RuleQuery {
  const recent: RuleVisit[] = [];
  for (let j = model.recentIndptr[u]; j < model.recentIndptr[u + 1]; j++) {
    const c = model.recentCategory[j];
    if (c >= 0) recent.push({ category: model.categories[c], time: model.recentTime[j], item: model.itemIds[model.recentItem[j]] });
  }
  const r = model.lastRegion[u];
  return { user: model.userIds[u], time: model.lastTime[u], region: r >= 0 ? model.regions[r] : null, recent };
}
