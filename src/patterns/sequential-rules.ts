/**
 * Time-constrained sequential rules A → B within Δt ("after a Gym check-in, a Coffee Shop
 * within 2 h"), counted over each user's time-ordered events.
 */
import pl from "nodejs-polars";
import { denseCodes, epochMs, floatColumn, requireColumns, requireDatetime, requireNoNulls } from "../clean/frame-access";
import { COL } from "../schema";
import { DataError } from "../util/data-error";
import { seqSweep, type SeqEvents } from "./seq-sweep";

/** What `support` counts: users with the pattern, or A-occurrences followed by B. */
export type SeqSupportBasis = "users" | "occurrences";

/** The events `lift` compares with: every anchor, or only anchors whose token is not A. */
export type SeqBaseline = "all" | "others";

/** Options of {@link sequentialRules}. */
export interface SequentialRulesOptions {
  /** Δt: B must come at most this many minutes after A, > 0. Default `120`. */
  maxGapMinutes?: number;
  /** B must come strictly more than this many minutes after A, in [0, maxGapMinutes). Default `0`. */
  minGapMinutes?: number;
  /** Column whose values are the tokens A and B (e.g. `COL.item`). Default `COL.category`. */
  token?: string;
  /** Count B only inside A's session (column `cols.session`, from `addSessions`). Default `false`. */
  sameSession?: boolean;
  /**
   * Rows allowed to act as A (anchors), e.g. `pl.col("is_weekend").not()`; every row can still
   * be a B. Anchors are also the population of the base rate. Default `null`: every row.
   */
  anchorFilter?: pl.Expr | null;
  /** `"users"`: support = users with ≥ 1 A followed by B / all users; `"occurrences"`: A followed by B / anchors. Default `"users"`. */
  supportBasis?: SeqSupportBasis;
  /** `"all"`: base rate of B over all anchors; `"others"`: over anchors that are not A. Default `"all"`. */
  baseline?: SeqBaseline;
  /** Keep rules with support ≥ this, in [0, 1]. Default `0`. */
  minSupport?: number;
  /** Keep rules with confidence ≥ this, in [0, 1]. Default `0`. */
  minConfidence?: number;
  /** Keep rules with at least this many A-followed-by-B occurrences, integer ≥ 1. Default `1`. */
  minCount?: number;
  /** Also report A → A (repeats). Default `false`. */
  selfRules?: boolean;
  /** Column names. Default `COL.user`, `COL.ts`, `"session"`. */
  cols?: { user?: string; ts?: string; session?: string };
}

const defaults = {
  maxGapMinutes: 120,
  minGapMinutes: 0,
  token: COL.category as string,
  sameSession: false,
  anchorFilter: null as pl.Expr | null,
  supportBasis: "users" as SeqSupportBasis,
  baseline: "all" as SeqBaseline,
  minSupport: 0,
  minConfidence: 0,
  minCount: 1,
  selfRules: false,
  cols: { user: COL.user as string, ts: COL.ts as string, session: "session" },
};

const MIN_MS = 60_000;

/**
 * Mines every rule A → B such that, for a user, an event with token B follows an anchor event
 * with token A after a delay d with minGap < d ≤ Δt (strictly later: equal timestamps never
 * count). Per A anchor, B is counted once (its first occurrence gives the delay).
 *
 * - `n_antecedent` = anchors with token A; `n_both` = those followed by B;
 * - `confidence` = n_both / n_antecedent = P(B within Δt | A), in [0, 1];
 * - `base_rate` = share of anchors (any token; `baseline: "others"`: tokens ≠ A) followed by
 *   B within Δt, the chance of B in a Δt window after an arbitrary event (NaN for `"others"`
 *   when every anchor is an A);
 * - `lift` = confidence / base_rate (1 = no association; NaN when base_rate is 0 or NaN);
 * - `support`: `"users"` basis = `n_users` / all users (default), `"occurrences"` basis =
 *   n_both / anchors;
 * - `median_delay_min`: median minutes from A to the first B.
 *
 * Each user's events are sorted once and swept with two pointers: O(n · w) for w events per
 * window, never O(n²).
 *
 * @param df event frame: user, Datetime ts and the token column, without nulls.
 * @param options see {@link SequentialRulesOptions}.
 * @returns columns `antecedent`, `consequent` (String), `n_antecedent`, `n_both`, `n_users`
 *   (Int32), `support`, `confidence`, `base_rate`, `lift`, `median_delay_min` (Float64), sorted
 *   by confidence, then n_both (descending), then antecedent and consequent.
 * @throws DataError on an empty frame, missing columns, nulls, or when no user has two events;
 *   Error on a gap ≤ 0 or a threshold out of range.
 * @example
 * ```ts
 * sequentialRules(checkins, { maxGapMinutes: 120, minConfidence: 0.3 });
 * // antecedent  consequent    n_antecedent  n_both  confidence  lift   median_delay_min
 * // Gym         Coffee Shop   2296          1328    0.58        12.7   58.7
 * sequentialRules(events, { token: COL.item, sameSession: true, supportBasis: "occurrences" });
 * ```
 */
export function sequentialRules(df: pl.DataFrame, options: SequentialRulesOptions = {}): pl.DataFrame {
  const o = { ...defaults, ...options, cols: { ...defaults.cols, ...options.cols } };
  checkOptions(o);
  const verb = "sequentialRules";
  if (df.height === 0) throw new DataError("sequentialRules got an empty frame: no events");
  requireColumns(df, [o.cols.user, o.token], verb);
  requireDatetime(df, o.cols.ts, verb);
  for (const c of [o.cols.user, o.cols.ts, o.token]) requireNoNulls(df, c, verb);
  if (o.sameSession) {
    requireColumns(df, [o.cols.session], verb);
    requireNoNulls(df, o.cols.session, verb);
  }
  const ev = seqEvents(df, o);
  const counts = seqSweep(ev.events, {
    minGapMs: o.minGapMinutes * MIN_MS,
    maxGapMs: o.maxGapMinutes * MIN_MS,
    sameSession: o.sameSession,
    selfRules: o.selfRules,
  });
  const nUsers = ev.events.userStart.length - 1;
  const rows: { a: string; b: string; nA: number; both: number; users: number; sup: number; conf: number; base: number; lift: number; delay: number }[] = [];
  for (const p of counts.pairs.values()) {
    const nA = counts.anchorsByToken[p.a];
    const conf = p.both / nA;
    const sup = o.supportBasis === "users" ? p.users / nUsers : p.both / counts.nAnchors;
    if (p.both < o.minCount || conf < o.minConfidence || sup < o.minSupport) continue;
    const base =
      o.baseline === "all"
        ? counts.followedBy[p.b] / counts.nAnchors
        : (counts.followedBy[p.b] - p.both) / (counts.nAnchors - nA);
    rows.push({ a: ev.labels[p.a], b: ev.labels[p.b], nA, both: p.both, users: p.users, sup, conf, base, lift: base > 0 ? conf / base : NaN, delay: median(p.delays) / MIN_MS });
  }
  rows.sort((x, y) => y.conf - x.conf || y.both - x.both || cmp(x.a, y.a) || cmp(x.b, y.b));
  return pl.DataFrame([
    pl.Series("antecedent", rows.map((r) => r.a), pl.Utf8),
    pl.Series("consequent", rows.map((r) => r.b), pl.Utf8),
    pl.Series("n_antecedent", Int32Array.from(rows, (r) => r.nA)),
    pl.Series("n_both", Int32Array.from(rows, (r) => r.both)),
    pl.Series("n_users", Int32Array.from(rows, (r) => r.users)),
    pl.Series("support", Float64Array.from(rows, (r) => r.sup)),
    pl.Series("confidence", Float64Array.from(rows, (r) => r.conf)),
    pl.Series("base_rate", Float64Array.from(rows, (r) => r.base)),
    pl.Series("lift", Float64Array.from(rows, (r) => r.lift)),
    pl.Series("median_delay_min", Float64Array.from(rows, (r) => r.delay)),
  ]);
}

function checkOptions(o: typeof defaults): void {
  if (!(Number.isFinite(o.maxGapMinutes) && o.maxGapMinutes > 0)) throw new Error(`sequentialRules: maxGapMinutes (Δt) must be a finite number > 0, got ${o.maxGapMinutes}`);
  if (!(Number.isFinite(o.minGapMinutes) && o.minGapMinutes >= 0 && o.minGapMinutes < o.maxGapMinutes)) {
    throw new Error(`sequentialRules: minGapMinutes must be in [0, maxGapMinutes = ${o.maxGapMinutes}), got ${o.minGapMinutes}`);
  }
  for (const k of ["minSupport", "minConfidence"] as const) {
    if (!(o[k] >= 0 && o[k] <= 1)) throw new Error(`sequentialRules: ${k} must be in [0, 1], got ${o[k]}`);
  }
  if (!(Number.isInteger(o.minCount) && o.minCount >= 1)) throw new Error(`sequentialRules: minCount must be an integer >= 1, got ${o.minCount}`);
  if (o.supportBasis !== "users" && o.supportBasis !== "occurrences") {
    throw new Error(`sequentialRules: supportBasis must be "users" or "occurrences", got ${JSON.stringify(o.supportBasis)}`);
  }
  if (o.baseline !== "all" && o.baseline !== "others") throw new Error(`sequentialRules: baseline must be "all" or "others", got ${JSON.stringify(o.baseline)}`);
}

/** Typed columns grouped by user, sorted by time (ties: input order). */
function seqEvents(df: pl.DataFrame, o: typeof defaults): { events: SeqEvents; labels: string[] } {
  const n = df.height;
  const user = denseCodes(df, o.cols.user);
  const tok = denseCodes(df, o.token);
  const labels = new Array<string>(tok.n);
  const values = df.getColumn(o.token).cast(pl.String).toArray() as string[];
  for (let i = 0; i < n; i++) labels[tok.codes[i]] = values[i];
  const ts = epochMs(df, o.cols.ts);
  const anchorAll = o.anchorFilter === null ? null : (df.select(o.anchorFilter.alias("__anchor__")).getColumn("__anchor__").toArray() as (boolean | null)[]);
  const session = o.sameSession ? floatColumn(df, o.cols.session) : null;
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => user.codes[a] - user.codes[b] || ts[a] - ts[b] || a - b);
  const userStart = new Int32Array(user.n + 1);
  for (let i = 0; i < n; i++) userStart[user.codes[i] + 1]++;
  for (let u = 0; u < user.n; u++) userStart[u + 1] += userStart[u];
  if (!userStart.some((s, u) => u < user.n && userStart[u + 1] - s >= 2)) {
    throw new DataError(`sequentialRules: no user has two events, so no sequence can be formed (${user.n} users, ${n} events)`, { column: o.cols.user });
  }
  const events: SeqEvents = {
    token: Int32Array.from(order, (i) => tok.codes[i]),
    t: Float64Array.from(order, (i) => ts[i]),
    userStart,
    anchor: Uint8Array.from(order, (i) => (anchorAll === null || anchorAll[i] === true ? 1 : 0)),
    session: session === null ? null : Float64Array.from(order, (i) => session[i]),
    nTokens: tok.n,
  };
  return { events, labels };
}

function median(xs: number[]): number {
  const s = Float64Array.from(xs).sort();
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
