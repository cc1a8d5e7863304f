import pl from "nodejs-polars";
import { describe, expect, it } from "vitest";
import { datetimeSeries } from "../../src/clean/frame-access";
import { addSessions } from "../../src/features/add-sessions";
import { sequentialRules, type SequentialRulesOptions } from "../../src/patterns/sequential-rules";
import { createRng } from "../../src/util/rng";
import { DataError } from "../../src/util/data-error";
import { stSample } from "./st-sample";

const MIN = 60_000;
const T0 = Date.parse("2024-03-01T00:00:00Z");

/** Events from [user, token, minutes after T0]. */
function frame(rows: [string, string, number][]): pl.DataFrame {
  return pl.DataFrame([
    pl.Series("user", rows.map((r) => r[0]), pl.Utf8),
    pl.Series("category", rows.map((r) => r[1]), pl.Utf8),
    datetimeSeries("ts", rows.map((r) => T0 + r[2] * MIN)),
  ]);
}

interface Rule {
  antecedent: string;
  consequent: string;
  n_antecedent: number;
  n_both: number;
  n_users: number;
  support: number;
  confidence: number;
  base_rate: number;
  lift: number;
  median_delay_min: number;
}

/**
 * Brute force: every ordered pair of a user's events, O(n²) per user, with plain objects.
 * Shares no code with src (no sweep, no typed arrays).
 */
function oracle(df: pl.DataFrame, o: Required<Pick<SequentialRulesOptions, "maxGapMinutes" | "minGapMinutes" | "sameSession" | "supportBasis" | "baseline" | "selfRules">> & { anchor?: (i: number) => boolean }): Map<string, Rule> {
  const recs = df.toRecords() as unknown as { user: string; category: string; ts: Date; session?: number }[];
  const users = new Set(recs.map((r) => r.user));
  let anchors = 0;
  const nA = new Map<string, number>();
  const followed = new Map<string, number>(); // anchors followed by b
  const pairs = new Map<string, { both: number; users: Set<string>; delays: number[] }>();
  recs.forEach((ri, i) => {
    if (o.anchor && !o.anchor(i)) return;
    anchors++;
    nA.set(ri.category, (nA.get(ri.category) ?? 0) + 1);
    const first = new Map<string, number>(); // token → delay of its first occurrence
    recs.forEach((rj) => {
      if (rj.user !== ri.user) return;
      const d = rj.ts.getTime() - ri.ts.getTime();
      if (!(d > o.minGapMinutes * MIN && d <= o.maxGapMinutes * MIN)) return;
      if (o.sameSession && rj.session !== ri.session) return;
      if (!first.has(rj.category) || d < first.get(rj.category)!) first.set(rj.category, d);
    });
    for (const [b, d] of first) {
      followed.set(b, (followed.get(b) ?? 0) + 1);
      if (b === ri.category && !o.selfRules) continue;
      const k = `${ri.category}→${b}`;
      const p = pairs.get(k) ?? { both: 0, users: new Set<string>(), delays: [] };
      p.both++;
      p.users.add(ri.user);
      p.delays.push(d / MIN);
      pairs.set(k, p);
    }
  });
  const out = new Map<string, Rule>();
  for (const [k, p] of pairs) {
    const [a, b] = k.split("→");
    const na = nA.get(a)!;
    const conf = p.both / na;
    const base = o.baseline === "all" ? followed.get(b)! / anchors : (followed.get(b)! - p.both) / (anchors - na);
    const d = [...p.delays].sort((x, y) => x - y);
    const med = d.length % 2 ? d[(d.length - 1) / 2] : (d[d.length / 2 - 1] + d[d.length / 2]) / 2;
    out.set(k, {
      antecedent: a,
      consequent: b,
      n_antecedent: na,
      n_both: p.both,
      n_users: p.users.size,
      support: o.supportBasis === "users" ? p.users.size / users.size : p.both / anchors,
      confidence: conf,
      base_rate: base,
      lift: base > 0 ? conf / base : NaN,
      median_delay_min: med,
    });
  }
  return out;
}

function randomEvents(seed: number): pl.DataFrame {
  const rng = createRng(seed);
  const rows: [string, string, number][] = [];
  const nUsers = 1 + rng.int(6);
  for (let u = 0; u < nUsers; u++) {
    const n = rng.int(30);
    let t = rng.int(100);
    for (let k = 0; k < n; k++) {
      t += rng.int(4) === 0 ? 0 : rng.int(60); // ties happen
      rows.push([`u${u}`, "ABCDE"[rng.int(1 + rng.int(5))], t]);
    }
  }
  rows.push(["u0", "A", 0], ["u0", "B", 1]); // at least one user with two events
  const order = rng.shuffle(rows.map((_, i) => i));
  return addSessions(frame(order.map((i) => rows[i])), { gapMinutes: 45 });
}

describe("sequentialRules", () => {
  it("counts a hand-made case", () => {
    // u1: Gym 0, Coffee 30, Coffee 50, Gym 200, Bar 400; u2: Gym 0, Coffee 200; u3: Coffee 10
    const df = frame([["u1", "Gym", 0], ["u1", "Coffee", 30], ["u1", "Coffee", 50], ["u1", "Gym", 200], ["u1", "Bar", 400], ["u2", "Gym", 0], ["u2", "Coffee", 200], ["u3", "Coffee", 10]]);
    const r = sequentialRules(df, { maxGapMinutes: 120 });
    // Gym anchors: 3, followed by Coffee within 120 min: only u1's Gym at 0 (first Coffee after 30 min)
    // Coffee followed within 120 min by Coffee only (self rule, left out); anchors = 8 events;
    // anchors followed by Coffee: Gym@0 (u1), Coffee@30 → 1 ... base = 2/8
    expect(r.toRecords()).toEqual([
      { antecedent: "Gym", consequent: "Coffee", n_antecedent: 3, n_both: 1, n_users: 1, support: 1 / 3, confidence: 1 / 3, base_rate: 2 / 8, lift: (1 / 3) / (2 / 8), median_delay_min: 30 },
    ]);
    const wide = sequentialRules(df, { maxGapMinutes: 200, supportBasis: "occurrences" }).toRecords() as unknown as Rule[];
    const gymCoffee = wide.find((x) => x.antecedent === "Gym" && x.consequent === "Coffee")!;
    // Δt = 200: u1 Gym@0 → Coffee@30; u2 Gym@0 → Coffee@200 (≤ Δt counts); u1 Gym@200 → nothing
    expect([gymCoffee.n_both, gymCoffee.n_users, gymCoffee.median_delay_min, gymCoffee.support]).toEqual([2, 2, 115, 2 / 8]);
  });

  it("never counts events at the same instant, and respects minGapMinutes", () => {
    const df = frame([["u", "A", 0], ["u", "B", 0], ["u", "B", 5], ["u", "C", 20]]);
    const r = sequentialRules(df, { maxGapMinutes: 60, minGapMinutes: 5 }).toRecords() as unknown as Rule[];
    // A@0: B@0 same instant, B@5 not > 5 min → only C; B@0 → C; B@5 → C (15 min)
    expect(r.map((x) => `${x.antecedent}→${x.consequent}`).sort()).toEqual(["A→C", "B→C"]);
  });

  const combos: Array<Parameters<typeof oracle>[1]> = [
    { maxGapMinutes: 60, minGapMinutes: 0, sameSession: false, supportBasis: "users", baseline: "all", selfRules: false },
    { maxGapMinutes: 120, minGapMinutes: 10, sameSession: false, supportBasis: "occurrences", baseline: "others", selfRules: true },
    { maxGapMinutes: 90, minGapMinutes: 0, sameSession: true, supportBasis: "users", baseline: "others", selfRules: false },
    { maxGapMinutes: 30, minGapMinutes: 0, sameSession: true, supportBasis: "occurrences", baseline: "all", selfRules: true },
  ];

  it.each(Array.from({ length: 15 }, (_, i) => i + 1))("equals the brute-force oracle on random sequences (seed %i)", (seed) => {
    const df = randomEvents(seed);
    const evenMinute = (df.getColumn("ts").toArray() as unknown as Date[]).map((d) => (d.getTime() / MIN) % 2 === 0);
    combos.forEach((o, c) => {
      const anchorFilter = c === 1 ? pl.col("ts").cast(pl.Int64).div(MIN).modulo(2).eq(0) : null;
      const got = sequentialRules(df, { ...o, anchorFilter }).toRecords() as unknown as Rule[];
      const want = oracle(df, { ...o, anchor: c === 1 ? (i) => evenMinute[i] : undefined });
      expect(got.map((r) => `${r.antecedent}→${r.consequent}`).sort()).toEqual([...want.keys()].sort());
      for (const r of got) {
        const w = want.get(`${r.antecedent}→${r.consequent}`)!;
        for (const k of Object.keys(w) as (keyof Rule)[]) {
          if (typeof w[k] === "number" && Number.isNaN(w[k])) expect(r[k]).toBeNaN(); // "others" baseline with no other anchor
          else if (typeof w[k] === "number") expect(r[k] as number).toBeCloseTo(w[k] as number, 10);
          else expect(r[k]).toBe(w[k]);
        }
      }
      // sorted by confidence, then n_both, descending
      for (let i = 1; i < got.length; i++) expect(got[i - 1].confidence >= got[i].confidence).toBe(true);
    });
  });

  it("applies minSupport, minConfidence and minCount like filtering the full result", () => {
    const df = randomEvents(99);
    const all = sequentialRules(df, { maxGapMinutes: 120 }).toRecords() as unknown as Rule[];
    const some = sequentialRules(df, { maxGapMinutes: 120, minSupport: 0.2, minConfidence: 0.3, minCount: 2 }).toRecords() as unknown as Rule[];
    expect(some).toEqual(all.filter((r) => r.support >= 0.2 && r.confidence >= 0.3 && r.n_both >= 2));
  });

  it("fails loudly on bad input", () => {
    const df = frame([["u1", "A", 0], ["u1", "B", 5]]);
    expect(() => sequentialRules(df.head(0))).toThrow(DataError);
    expect(() => sequentialRules(df.head(0))).toThrow(/empty frame/);
    expect(() => sequentialRules(frame([["u1", "A", 0], ["u2", "B", 5]]))).toThrow(/no user has two events/);
    expect(() => sequentialRules(df, { maxGapMinutes: 0 })).toThrow(/maxGapMinutes \(Δt\) must be a finite number > 0, got 0/);
    expect(() => sequentialRules(df, { maxGapMinutes: -5 })).toThrow(/maxGapMinutes/);
    expect(() => sequentialRules(df, { maxGapMinutes: 10, minGapMinutes: 10 })).toThrow(/minGapMinutes must be in \[0, maxGapMinutes = 10\)/);
    expect(() => sequentialRules(df, { minConfidence: 1.5 })).toThrow(/minConfidence must be in \[0, 1\]/);
    expect(() => sequentialRules(df, { supportBasis: "sessions" as "users" })).toThrow(/supportBasis must be "users" or "occurrences"/);
    expect(() => sequentialRules(df, { sameSession: true })).toThrow(/needs column 'session'/);
    expect(() => sequentialRules(df, { token: "item" })).toThrow(/needs column 'item'/);
    const nullTok = df.withColumns(pl.Series("category", ["A", null], pl.Utf8));
    expect(() => sequentialRules(nullTok)).toThrow(/null value/);
  });
});

describe("planted sequence rules on the cleaned sample", () => {
  const { events, truth } = stSample();
  // the truth counts check-ins only (buys are not part of the sequences)
  const checkIns = events.filter(pl.col("event").eq(pl.lit("check-in")));

  it.each(truth.sequenceRules.map((r) => [r.id, r] as const))("recovers %s: confidence, lift and delay", (_id, rule) => {
    const hours = pl.col("hour").gtEq(rule.antecedentHours[0]).and(pl.col("hour").ltEq(rule.antecedentHours[1]));
    const anchorFilter = rule.dayKind === "any" ? hours : hours.and(pl.col("is_weekend").eq(pl.lit(rule.dayKind === "weekend")));
    const rules = sequentialRules(checkIns, { maxGapMinutes: rule.maxGapMin, anchorFilter, baseline: "others" });
    const r = (rules.toRecords() as unknown as Rule[]).find((x) => x.antecedent === rule.antecedent && x.consequent === rule.consequent)!;
    // measured on the cleaned sample (truth in parentheses):
    // Gym → Coffee Shop 0.5784 (0.5773), lift 35.15 (35.17), median delay 58.7 min (planted U[15, 100]);
    // Office → Restaurant 0.4796 (0.4773), lift 9.57 (9.45), 209.1 min (U[185, 235]);
    // Cinema → Restaurant 0.5328 (0.5330), lift 11.85 (11.90), 126.2 min (U[100, 160])
    expect(Math.abs(r.confidence - rule.realised.confidence)).toBeLessThan(0.01);
    expect(Math.abs(r.lift / rule.realised.lift - 1)).toBeLessThan(0.03);
    const mid = (rule.gapMin[0] + rule.gapMin[1]) / 2;
    expect(Math.abs(r.median_delay_min - mid)).toBeLessThan(0.1 * (rule.gapMin[1] - rule.gapMin[0]) + 2);
  });

  it("ranks Gym → Coffee Shop first among all 2-hour rules (every check-in an anchor)", () => {
    const rules = sequentialRules(checkIns, { maxGapMinutes: 120, minSupport: 0.05 }).toRecords() as unknown as Rule[];
    expect([rules[0].antecedent, rules[0].consequent]).toEqual(["Gym", "Coffee Shop"]);
    expect(rules[0].confidence).toBeGreaterThan(0.5);
    // the next rule is far weaker (Cinema → Restaurant at 120 min misses most planted delays)
    expect(rules[1].confidence).toBeLessThan(0.3);
  });
});
