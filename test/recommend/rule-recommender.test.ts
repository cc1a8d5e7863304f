import pl from "nodejs-polars";
import { describe, expect, it } from "vitest";
import { popularity, type PopularityModel } from "../../src/recommend/popularity";
import { buildRuleModel } from "../../src/recommend/rule-build";
import { recommendCategoriesWithRules, recommendWithRules, type RecommendWithRulesOptions } from "../../src/recommend/rule-recommend";
import { ruleRecommender } from "../../src/recommend/rule-recommender";
import type { RuleQuery } from "../../src/recommend/rule-query";
import { createRng } from "../../src/util/rng";
import { DataError } from "../../src/util/data-error";
import { assocFrame, at, oracleScores, seqFrame, trainFrame, type OracleRules } from "./rule-recommender-fixture";

const model = buildRuleModel(trainFrame(), { association: assocFrame(), sequential: seqFrame() }, { maxGapMinutes: 120 });
const CATS = ["Bar", "Coffee Shop", "Gym", "Museum"];
const VISITS = { Bar: 4, "Coffee Shop": 6, Gym: 2, Museum: 1 };
const RULES: OracleRules = {
  context: [
    { antecedent: ["day:weekend", "time:evening", "region:Riverside"], category: "Bar", confidence: 0.6, lift: 5 },
    { antecedent: ["time:evening"], category: "Bar", confidence: 0.2, lift: 1.5 },
    { antecedent: ["region:Old Town"], category: "Museum", confidence: 0.4, lift: 10 },
    { antecedent: ["cat:Gym", "time:morning"], category: "Coffee Shop", confidence: 0.25, lift: 2 },
  ],
  sequence: [{ antecedent: "Gym", category: "Coffee Shop", confidence: 0.5, lift: 8, maxGapMin: 120 }],
};

type Row = { user: string; item?: string; category: string; score: number; rank: number; explanation: string; fallback: boolean };
const rows = (df: pl.DataFrame): Row[] => df.toRecords() as unknown as Row[];
const saturdayEvening: RuleQuery = { user: "q1", time: at("2024-06-01T19:30:00"), region: "Riverside" };
const afterGym = (minutes: number): RuleQuery => ({
  user: "q2",
  time: at("2024-06-03T08:30:00"),
  region: "Riverside",
  recent: [{ category: "Gym", time: at("2024-06-03T08:30:00") - minutes * 60_000 }],
});

describe("buildRuleModel", () => {
  it("keeps the rules that predict one category and counts the others", () => {
    expect(model.contextRules.map((r) => r.category)).toEqual(["Bar", "Bar", "Museum", "Coffee Shop"]);
    expect(model.contextRules[0].antecedent).toEqual(["day:weekend", "region:Riverside", "time:evening"]); // sorted
    expect(model.meta.skippedRules).toEqual({ association: { notCategoryConsequent: 2, undefinedMetric: 0 }, sequential: { notCategoryConsequent: 0, undefinedMetric: 0 } });
    expect(model.sequenceRules).toEqual([{ antecedent: "Gym", category: "Coffee Shop", confidence: 0.5, lift: 8, medianDelayMin: 45.2, maxGapMin: 120 }]);
    expect(Array.from(model.categoryVisits)).toEqual([4, 6, 2, 1]);
    expect(model.itemIds).toEqual(["b1", "b2", "c1", "c2", "g1", "m1"]);
    expect(Array.from(model.itemRegion).map((r) => model.regions[r])).toEqual(["Riverside", "Old Town", "Riverside", "Riverside", "Riverside", "Old Town"]);
  });
});

describe("recommendCategoriesWithRules: firing and scoring", () => {
  it("fires context rules whose antecedent is a subset of the query (hand-computed)", () => {
    const out = rows(recommendCategoriesWithRules(model, [saturdayEvening], { k: 4 }));
    // Bar: 4/13 + 0.6·5 + 0.2·1.5; the others only their prior share
    expect(out.map((r) => r.category)).toEqual(["Bar", "Coffee Shop", "Gym", "Museum"]);
    expect(out[0].score).toBeCloseTo(4 / 13 + 3.3, 12);
    expect(out[1].score).toBeCloseTo(6 / 13, 12);
    expect(out.map((r) => r.fallback)).toEqual([false, true, true, true]);
    expect(out[0].explanation).toBe("weekend evenings in Riverside, people go to a Bar: confidence 0.6, lift 5; evenings, people go to a Bar: confidence 0.2, lift 1.5");
    expect(out[1].explanation).toBe("no rule fired: Coffee Shop is popular (46 % of visits)");
    // a weekday evening satisfies only {time:evening}
    const weekday = rows(recommendCategoriesWithRules(model, [{ ...saturdayEvening, time: at("2024-06-03T19:30:00") }], { k: 1 }));
    expect(weekday[0].score).toBeCloseTo(4 / 13 + 0.3, 12);
  });

  it("fires a sequential rule within Δt with decay 2^(−e/Δt), and cat: tokens within behaviourMinutes", () => {
    const coffee = (q: RuleQuery, o: Partial<RecommendWithRulesOptions> = {}): Row =>
      rows(recommendCategoriesWithRules(model, [q], { k: 4, ...o })).find((r) => r.category === "Coffee Shop")!;
    const base = 6 / 13;
    expect(coffee(afterGym(45)).score).toBeCloseTo(base + 0.5 + 4 * Math.pow(2, -45 / 120), 12);
    expect(coffee(afterGym(0)).score).toBeCloseTo(base + 0.5 + 4, 12);
    expect(coffee(afterGym(120)).score).toBeCloseTo(base + 0.5 + 2, 12); // edge of the window: half
    expect(coffee(afterGym(121)).score).toBeCloseTo(base, 12); // outside Δt and behaviourMinutes
    expect(coffee(afterGym(121), { behaviourMinutes: 180 }).score).toBeCloseTo(base + 0.5, 12); // only the context rule
    expect(coffee(afterGym(45), { halfLifeMinutes: 60 }).score).toBeCloseTo(base + 0.5 + 4 * Math.pow(2, -45 / 60), 12);
    expect(coffee(afterGym(45), { halfLifeMinutes: Infinity }).score).toBeCloseTo(base + 0.5 + 4, 12);
    // the latest visit of the antecedent counts
    const twice: RuleQuery = { ...afterGym(100), recent: [...afterGym(100).recent!, ...afterGym(30).recent!] };
    expect(coffee(twice).score).toBeCloseTo(base + 0.5 + 4 * Math.pow(2, -30 / 120), 12);
    expect(coffee(afterGym(45)).explanation).toBe(
      "after a Gym, people visit a Coffee Shop within 2 h (median 45 min): confidence 0.5, lift 8; mornings after a Gym, people go to a Coffee Shop: confidence 0.25, lift 2",
    );
    expect(coffee(afterGym(45), { maxReasons: 1 }).explanation).toBe("after a Gym, people visit a Coffee Shop within 2 h (median 45 min): confidence 0.5, lift 8; and 1 more rule");
  });

  it("combines with max, or with the most specific context rule plus the sequential ones", () => {
    const bar = (combine: "max" | "specific"): Row => rows(recommendCategoriesWithRules(model, [saturdayEvening], { k: 1, combine }))[0];
    expect(bar("max").score).toBeCloseTo(4 / 13 + 3, 12);
    expect(bar("specific").score).toBeCloseTo(4 / 13 + 3, 12); // {day, region, time} beats {time}
    expect(bar("specific").explanation).toBe("weekend evenings in Riverside, people go to a Bar: confidence 0.6, lift 5"); // only the rule used
    const coffee = rows(recommendCategoriesWithRules(model, [afterGym(45)], { k: 1, combine: "specific" }))[0];
    expect(coffee.score).toBeCloseTo(6 / 13 + 0.5 + 4 * Math.pow(2, -45 / 120), 12);
  });

  it("scores the same query the same way when asked twice in one call", () => {
    const out = rows(recommendCategoriesWithRules(model, [saturdayEvening, saturdayEvening, afterGym(45), afterGym(45)], { k: 1 }));
    expect(out[1].score).toBe(out[0].score);
    expect(out[3].score).toBe(out[2].score);
  });

  it("matches a brute-force oracle of the formula on random queries and settings", () => {
    const rng = createRng(11);
    const regions = ["Riverside", "Old Town", null];
    const weights = ["confidence-lift", "confidence", "lift"] as const;
    for (let trial = 0; trial < 200; trial++) {
      const t = at("2024-06-01T00:00:00") + rng.int(14 * 24 * 60) * 60_000;
      const recent = Array.from({ length: rng.int(4) }, () => ({ category: CATS[rng.int(4)], minutes: rng.int(200) }));
      const q: RuleQuery = { user: `q${trial}`, time: t, region: regions[rng.int(3)], recent: recent.map((v) => ({ category: v.category, time: t - v.minutes * 60_000 })) };
      const s = { weight: weights[rng.int(3)], combine: rng.next() < 0.5 ? ("sum" as const) : ("max" as const), prior: rng.int(3), halfLife: rng.next() < 0.5 ? null : 30 + rng.int(100) };
      const d = new Date(t);
      const hour = d.getUTCHours();
      const part = hour < 6 ? "night" : hour < 12 ? "morning" : hour < 17 ? "afternoon" : hour < 22 ? "evening" : "night";
      const tokens = [`time:${part}`, `day:${d.getUTCDay() % 6 === 0 ? "weekend" : "weekday"}`, `hour:${hour}`];
      if (q.region) tokens.push(`region:${q.region}`);
      for (const v of recent) if (v.minutes <= 120) tokens.push(`cat:${v.category}`);
      const want = oracleScores(CATS, VISITS, RULES, { tokens, elapsed: recent.map((v) => ({ category: v.category, minutes: v.minutes })) }, s);
      const got = rows(recommendCategoriesWithRules(model, [q], { k: 10, weight: s.weight, combine: s.combine, prior: s.prior, halfLifeMinutes: s.halfLife }));
      expect(got.length).toBe(4);
      const order = [...CATS].sort((a, b) => want[b] - want[a] || (a < b ? -1 : 1));
      for (const r of got) expect(r.score).toBeCloseTo(want[r.category], 12);
      // the order may differ from the oracle's only between scores equal up to rounding
      got.forEach((r, j) => expect(Math.abs(want[r.category] - want[order[j]])).toBeLessThan(1e-12));
      expect(got.map((r) => r.rank)).toEqual([1, 2, 3, 4]);
    }
  });
});

describe("recommendWithRules: items, ties, k, exclusion, fallback", () => {
  it("spreads a category's score over its items, region first (hand-computed shares)", () => {
    const out = rows(recommendWithRules(model, [saturdayEvening], { k: 3 }));
    const bar = 4 / 13 + 3.3;
    // share(b1 | Bar, Riverside) = (3 + 10·3/4) / (3 + 10); b2 (Old Town) = (0 + 10·1/4) / 13
    expect(out.map((r) => r.item)).toEqual(["b1", "b2", "c1"]);
    expect(out[0].score).toBeCloseTo((bar * 10.5) / 13, 12);
    expect(out[1].score).toBeCloseTo((bar * 2.5) / 13, 12);
    expect(out[2].score).toBeCloseTo(((6 / 13) * (4 + (10 * 4) / 6)) / 16, 12);
    expect(out[2]).toMatchObject({ category: "Coffee Shop", fallback: true, explanation: "no rule fired: popular Coffee Shop in Riverside (4 visits)" });
    // global scope: shares n(i)/n(c)
    const global = rows(recommendWithRules(model, [saturdayEvening], { k: 2, itemScope: "global" }));
    expect(global[1].score).toBeCloseTo(bar / 4, 12);
  });

  it("returns min(k, eligible) rows with ranks 1..k, and breaks ties by name / item id", () => {
    const empty = buildRuleModel(trainFrame());
    const cats = rows(recommendCategoriesWithRules(empty, [saturdayEvening], { k: 9, prior: 0 }));
    expect(cats.map((r) => r.category)).toEqual(CATS); // all 0: name order
    const items = rows(recommendWithRules(empty, [saturdayEvening], { k: 9, prior: 0 }));
    expect(items.map((r) => r.item)).toEqual(["b1", "b2", "c1", "c2", "g1", "m1"]);
    expect(items.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    const tie = pl.DataFrame([
      pl.Series("antecedents", [["time:evening"], ["time:evening"]], pl.List(pl.Utf8)),
      pl.Series("consequents", [["cat:Museum"], ["cat:Gym"]], pl.List(pl.Utf8)),
      pl.Series("confidence", [0.5, 0.5]),
      pl.Series("lift", [2, 2]),
    ]);
    const tied = rows(recommendCategoriesWithRules(buildRuleModel(trainFrame(), { association: tie }), [saturdayEvening], { k: 2, prior: 0 }));
    expect(tied.map((r) => [r.category, r.score])).toEqual([["Gym", 1], ["Museum", 1]]);
    const two = rows(recommendWithRules(model, [saturdayEvening, afterGym(10)], { k: 2 }));
    expect(two.map((r) => [r.user, r.rank])).toEqual([["q1", 1], ["q1", 2], ["q2", 1], ["q2", 2]]);
  });

  it("leaves out the user's training items and recent items with excludeSeen", () => {
    const q: RuleQuery = { user: "u3", time: at("2024-06-10T19:00:00"), region: "Riverside", recent: [{ category: "Coffee Shop", time: at("2024-06-10T18:00:00"), item: "c2" }] };
    const out = rows(recommendWithRules(model, [q], { k: 6, excludeSeen: true }));
    expect(out.map((r) => r.item).sort()).toEqual(["b1", "g1"]); // u3 saw c1, b2, m1; c2 is recent
    expect(rows(recommendWithRules(model, [q], { k: 6 })).length).toBe(6); // default keeps them
  });

  it("falls back to popularity, flagged, when there are no rules", () => {
    const empty = buildRuleModel(trainFrame(), {});
    const out = rows(recommendWithRules(empty, [{ user: "x", time: at("2024-06-01T10:00:00") }], { k: 6 }));
    expect(out.every((r) => r.fallback)).toBe(true);
    // no region: score = P(c)·n(i)/n(c) = n(i)/13, i.e. item visits; ties by item id
    expect(out.map((r) => r.item)).toEqual(["c1", "b1", "c2", "g1", "b2", "m1"]);
    out.forEach((r) => expect(r.score).toBeCloseTo({ b1: 3, b2: 1, c1: 4, c2: 2, g1: 2, m1: 1 }[r.item!]! / 13, 12));
    expect(out[0].explanation).toBe("no rule fired: popular Coffee Shop (4 visits)");
  });
});

describe("ruleRecommender.recommend (shared interface) on a hand-built model", () => {
  const rec = ruleRecommender();
  it("queries each user at the last training event and excludes seen items", () => {
    // u1's last event: Tuesday 07:00 at a Gym in Riverside, a Coffee Shop at 06:00
    const out = rows(rec.recommend(model, ["u1"], { k: 3 }));
    const coffee = 6 / 13 + 0.5 + 4; // {cat:Gym, time:morning} ⇒ Coffee Shop, and Gym → Coffee Shop at elapsed 0
    expect(out.map((r) => r.item)).toEqual(["c2", "m1", "b2"]); // b1, c1, g1 were seen
    expect(out[0].score).toBeCloseTo((coffee * (2 + 10 / 3)) / 16, 12);
    expect(out[0].explanation.startsWith("after a Gym, people visit a Coffee Shop within 2 h")).toBe(true);
    expect(rows(rec.recommend(model, ["u1"], { k: 1, excludeSeen: false }))[0].item).toBe("c1");
  });

  it("gives unknown users the popularity ranking with fallback, users sorted and deduplicated", () => {
    const out = rec.recommend(model, ["zz", "u2", "zz"], { k: 3 });
    expect([...new Set(out.getColumn("user").toArray())]).toEqual(["u2", "zz"]);
    const zz = rows(out.filter(pl.col("user").eq(pl.lit("zz"))));
    const pop = popularity.recommend(popularity.fit(trainFrame()) as PopularityModel, ["zz"], { k: 3 });
    expect(zz.map((r) => r.item)).toEqual(pop.getColumn("item").toArray());
    expect(zz.every((r) => r.fallback)).toBe(true);
  });

  it("restricts the ranking to candidates and round-trips through save / load", () => {
    const candidates = pl.DataFrame({ user: ["u2", "u2"], item: ["m1", "b2"] });
    expect(rows(rec.recommend(model, ["u2"], { k: 5, excludeSeen: false, candidates })).map((r) => r.item).sort()).toEqual(["b2", "m1"]);
    const back = rec.load(rec.save(model));
    expect(rec.recommend(back, ["u1", "u2", "u3"], { k: 4 }).frameEqual(rec.recommend(model, ["u1", "u2", "u3"], { k: 4 }))).toBe(true);
  });
});

describe("bad input fails loudly", () => {
  it("names the option and its range", () => {
    expect(() => recommendWithRules(model, [saturdayEvening], { k: 0 })).toThrow(/k must be an integer >= 1, got 0/);
    expect(() => recommendCategoriesWithRules(model, [saturdayEvening], { k: 1.5 })).toThrow(/k must be an integer >= 1/);
    expect(() => recommendWithRules(model, [saturdayEvening], { k: 3, weight: "support" as "lift" })).toThrow(/weight must be/);
    expect(() => recommendWithRules(model, [saturdayEvening], { k: 3, combine: "avg" as "sum" })).toThrow(/combine must be "sum", "max" or "specific"/);
    expect(() => recommendWithRules(model, [saturdayEvening], { k: 3, halfLifeMinutes: 0 })).toThrow(/halfLifeMinutes must be > 0/);
    expect(() => ruleRecommender().recommend(model, ["u1"], { k: -1 })).toThrow(/k must be an integer >= 1, got -1/);
  });

  it("rejects unknown token prefixes, actor tokens, bad metrics and missing columns", () => {
    const withTokens = (tokens: string[]) =>
      pl.DataFrame([pl.Series("antecedents", [tokens], pl.List(pl.Utf8)), pl.Series("consequents", [["cat:Bar"]], pl.List(pl.Utf8)), pl.Series("confidence", [0.5]), pl.Series("lift", [2])]);
    expect(() => buildRuleModel(trainFrame(), { association: withTokens(["weather:rain"]) })).toThrow(/association rule 0: unknown token prefix 'weather:' in 'weather:rain'/);
    expect(() => buildRuleModel(trainFrame(), { association: withTokens(["user:u1"]) })).toThrow(/user \(actor\) token/);
    expect(() => buildRuleModel(trainFrame(), { association: assocFrame().drop("lift") })).toThrow(DataError);
    expect(() => buildRuleModel(trainFrame(), { association: assocFrame().withColumns(pl.lit(1.5).alias("confidence")) })).toThrow(/confidence must be in \[0, 1\], got 1.5/);
    expect(() => buildRuleModel(trainFrame(), { sequential: seqFrame() }, { maxGapMinutes: 0 })).toThrow(/maxGapMinutes/);
    expect(() => recommendWithRules(model, [{ ...saturdayEvening, tokens: ["mood:happy"] }], { k: 1 })).toThrow(/queries\[0\]\.tokens: unknown token prefix 'mood:'/);
  });

  it("rejects queries with a bad time or a visit after the query", () => {
    expect(() => recommendWithRules(model, [{ user: "x", time: NaN }], { k: 1 })).toThrow(/queries\[0\]\.time must be a valid Date/);
    expect(() => recommendWithRules(model, [afterGym(-5)], { k: 1 })).toThrow(/recent\[0\] is 5 min after the query time/);
    expect(() => recommendWithRules(model, "q" as unknown as RuleQuery[], { k: 1 })).toThrow(/queries must be an array/);
  });
});
