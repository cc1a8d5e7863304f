/**
 * A hand-built catalogue and rule set for the rule recommender tests, and a brute-force oracle
 * of its documented scoring formula.
 */
import pl from "nodejs-polars";
import { datetimeSeries } from "../../src/clean/frame-access";

/** Local wall time as epoch ms of a naive datetime. */
export const at = (iso: string): number => Date.parse(`${iso}Z`);

/**
 * 13 visits to 6 items: b1 Bar/Riverside ×3, b2 Bar/Old Town ×1, c1 Coffee Shop/Riverside ×4,
 * c2 Coffee Shop/Riverside ×2, g1 Gym/Riverside ×2, m1 Museum/Old Town ×1.
 * Category visits: Bar 4, Coffee Shop 6, Gym 2, Museum 1.
 */
export function trainFrame(): pl.DataFrame {
  const rows: [string, string, string][] = [
    ["u1", "b1", "2024-06-01T20:00:00"],
    ["u1", "c1", "2024-06-03T08:00:00"],
    ["u1", "c1", "2024-06-04T06:00:00"],
    ["u1", "g1", "2024-06-04T07:00:00"], // u1's last event: Tuesday 07:00, a Gym in Riverside
    ["u2", "c1", "2024-06-02T10:00:00"],
    ["u2", "c2", "2024-06-02T11:00:00"],
    ["u2", "c2", "2024-06-05T09:00:00"],
    ["u2", "b1", "2024-06-08T21:00:00"],
    ["u2", "b1", "2024-06-08T22:00:00"],
    ["u2", "g1", "2024-06-09T10:00:00"],
    ["u3", "c1", "2024-06-05T12:00:00"],
    ["u3", "b2", "2024-06-07T19:00:00"],
    ["u3", "m1", "2024-06-08T15:00:00"],
  ];
  const cat: Record<string, string> = { b1: "Bar", b2: "Bar", c1: "Coffee Shop", c2: "Coffee Shop", g1: "Gym", m1: "Museum" };
  const region: Record<string, string> = { b1: "Riverside", b2: "Old Town", c1: "Riverside", c2: "Riverside", g1: "Riverside", m1: "Old Town" };
  const ms = rows.map((r) => at(r[2]));
  return pl.DataFrame([
    pl.Series("user", rows.map((r) => r[0]), pl.Utf8),
    pl.Series("item", rows.map((r) => r[1]), pl.Utf8),
    datetimeSeries("ts", ms.map((t) => t - 8 * 3_600_000)), // UTC = local − 8 h
    pl.Series("category", rows.map((r) => cat[r[1]]), pl.Utf8),
    pl.Series("region", rows.map((r) => region[r[1]]), pl.Utf8),
    datetimeSeries("ts_local", ms),
  ]);
}

/** Association rules: r0–r2 and r5 predict a category; r3 and r4 are skipped (consequent). */
export function assocFrame(): pl.DataFrame {
  return pl.DataFrame([
    pl.Series(
      "antecedents",
      [["day:weekend", "time:evening", "region:Riverside"], ["time:evening"], ["region:Old Town"], ["cat:Bar", "time:evening"], ["day:weekend"], ["cat:Gym", "time:morning"]],
      pl.List(pl.Utf8),
    ),
    pl.Series("consequents", [["cat:Bar"], ["cat:Bar"], ["cat:Museum"], ["region:Riverside"], ["cat:Bar", "cat:Coffee Shop"], ["cat:Coffee Shop"]], pl.List(pl.Utf8)),
    pl.Series("support", [0.02, 0.05, 0.01, 0.02, 0.01, 0.03]),
    pl.Series("confidence", [0.6, 0.2, 0.4, 0.9, 0.3, 0.25]),
    pl.Series("lift", [5, 1.5, 10, 2, 1.2, 2]),
  ]);
}

/** One sequential rule: Gym → Coffee Shop within Δt (the frame's own max_gap_min, or the option). */
export function seqFrame(withGap = false): pl.DataFrame {
  const cols: pl.Series[] = [
    pl.Series("antecedent", ["Gym"], pl.Utf8),
    pl.Series("consequent", ["Coffee Shop"], pl.Utf8),
    pl.Series("confidence", [0.5]),
    pl.Series("lift", [8]),
    pl.Series("median_delay_min", [45.2]),
  ];
  if (withGap) cols.push(pl.Series("max_gap_min", [120]));
  return pl.DataFrame(cols);
}

/** A plain-JS rule for the oracle. */
export interface OracleRules {
  context: { antecedent: string[]; category: string; confidence: number; lift: number }[];
  sequence: { antecedent: string; category: string; confidence: number; lift: number; maxGapMin: number }[];
}

/** The oracle's query: its tokens and minutes since each recent category. */
export interface OracleQuery {
  tokens: string[];
  elapsed: { category: string; minutes: number }[];
}

/**
 * score(c) = prior·P(c) + AGG over fired rules of w·decay, computed by brute force (every rule,
 * every token checked with `includes`).
 */
export function oracleScores(
  categories: string[],
  visits: Record<string, number>,
  rules: OracleRules,
  q: OracleQuery,
  s: { weight: "confidence-lift" | "confidence" | "lift"; combine: "sum" | "max"; prior: number; halfLife: number | null },
): Record<string, number> {
  const w = (conf: number, lift: number): number => (s.weight === "confidence-lift" ? conf * lift : s.weight === "confidence" ? conf : lift);
  const total = Object.values(visits).reduce((a, b) => a + b, 0);
  const out: Record<string, number> = {};
  for (const c of categories) {
    const values: number[] = [];
    for (const r of rules.context) if (r.category === c && r.antecedent.every((t) => q.tokens.includes(t))) values.push(w(r.confidence, r.lift));
    for (const r of rules.sequence) {
      if (r.category !== c) continue;
      const seen = q.elapsed.filter((e) => e.category === r.antecedent && e.minutes >= 0 && e.minutes <= r.maxGapMin).map((e) => e.minutes);
      if (seen.length === 0) continue;
      const e = Math.min(...seen);
      const h = s.halfLife ?? r.maxGapMin;
      values.push(w(r.confidence, r.lift) * Math.pow(2, -e / h));
    }
    const agg = values.length === 0 ? 0 : s.combine === "sum" ? values.reduce((a, b) => a + b, 0) : Math.max(...values);
    out[c] = (s.prior * (visits[c] ?? 0)) / total + agg;
  }
  return out;
}
