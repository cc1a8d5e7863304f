import pl from "nodejs-polars";
import { describe, expect, it } from "vitest";
import { datetimeSeries } from "../../src/clean/frame-access";
import { buildRuleModel } from "../../src/recommend/rule-build";
import { eventQueries } from "../../src/recommend/rule-event-queries";
import { antecedentPhrase, explainContextRule, explainSequenceRule, formatRuleMetric, formatMinutes, withArticle } from "../../src/recommend/rule-explain";
import { parseContextRules, parseSequenceRules } from "../../src/recommend/rule-parse";
import { parseQuery } from "../../src/recommend/rule-query";
import { poiRegions, withItemRegions } from "../../src/recommend/rule-regions";
import { DataError } from "../../src/util/data-error";
import { assocFrame, at, seqFrame, trainFrame } from "./rule-recommender-fixture";

describe("rule explanations", () => {
  it("formats metrics to significant digits and durations in words", () => {
    expect([0.568872, 5.675955, 35.169338, 0.577293, 1, 124.6].map((x) => formatRuleMetric(x, 2))).toEqual(["0.57", "5.7", "35", "0.58", "1", "120"]);
    expect(formatRuleMetric(0.568872, 3)).toBe("0.569");
    expect([58.675, 120, 240, 195, 59.6].map(formatMinutes)).toEqual(["59 min", "2 h", "4 h", "3 h 15 min", "1 h"]);
    expect(["Bar", "Office", "Art Gallery", "University", "Museum"].map(withArticle)).toEqual(["a Bar", "an Office", "an Art Gallery", "a University", "a Museum"]);
  });

  it("puts the antecedent into words: when, where, event, behaviour", () => {
    expect(antecedentPhrase(["day:weekend", "region:Riverside", "time:evening"])).toBe("weekend evenings in Riverside");
    expect(antecedentPhrase(["day:weekday"])).toBe("on weekdays");
    expect(antecedentPhrase(["time:night", "hour:23", "cell:wtw3s"])).toBe("nights at 23 h in cell wtw3s");
    expect(antecedentPhrase(["cat:Gym", "cluster:3", "event:buy", "p0001"])).toBe("in cluster 3 at buy events after a Gym after visiting p0001");
    expect(antecedentPhrase([])).toBe("in general");
  });

  it("writes the sentences of the brief for the planted rules' numbers", () => {
    expect(explainContextRule({ antecedent: ["day:weekend", "region:Riverside", "time:evening"], category: "Bar", confidence: 0.568872, lift: 5.675955, support: 0.02 }, 2)).toBe(
      "weekend evenings in Riverside, people go to a Bar: confidence 0.57, lift 5.7",
    );
    expect(explainSequenceRule({ antecedent: "Gym", category: "Coffee Shop", confidence: 0.577293, lift: 35.169338, medianDelayMin: 58.7, maxGapMin: 120 }, 2)).toBe(
      "after a Gym, people visit a Coffee Shop within 2 h (median 59 min): confidence 0.58, lift 35",
    );
    expect(explainSequenceRule({ antecedent: "Office", category: "Restaurant", confidence: 0.4, lift: 9, medianDelayMin: NaN, maxGapMin: 240 }, 2)).toBe(
      "after an Office, people visit a Restaurant within 4 h: confidence 0.4, lift 9",
    );
  });
});

describe("parseContextRules / parseSequenceRules", () => {
  it("keeps category rules, strips prefixes, and counts what it leaves out", () => {
    const { rules, skipped } = parseContextRules(assocFrame());
    expect(rules.length).toBe(4);
    expect(skipped).toEqual({ notCategoryConsequent: 2, undefinedMetric: 0 });
    expect(rules[1]).toEqual({ antecedent: ["time:evening"], category: "Bar", confidence: 0.2, lift: 1.5, support: 0.05 });
    const nan = assocFrame().withColumns(pl.Series("lift", [NaN, 1, 1, 1, 1, 1]));
    expect(parseContextRules(nan).skipped.undefinedMetric).toBe(1);
    const prefixed = seqFrame(true).withColumns(pl.Series("antecedent", ["cat:Gym"]));
    expect(parseSequenceRules(prefixed, NaN).rules[0]).toMatchObject({ antecedent: "Gym", maxGapMin: 120 });
    expect(parseSequenceRules(seqFrame(), 90).rules[0].maxGapMin).toBe(90);
    expect(() => parseSequenceRules(seqFrame().drop("consequent"), 90)).toThrow(DataError);
    expect(() => parseSequenceRules(seqFrame().withColumns(pl.Series("lift", [-1])), 90)).toThrow(/lift must be in \[0, ∞\], got -1/);
  });
});

describe("the catalogue and the query tokens", () => {
  const model = buildRuleModel(trainFrame(), { association: assocFrame() });

  it("keeps each user's last event and the visits of historyMinutes before it", () => {
    const u1 = model.userIds.indexOf("u1");
    expect(model.lastTime[u1]).toBe(at("2024-06-04T07:00:00"));
    expect(model.regions[model.lastRegion[u1]]).toBe("Riverside");
    const span = [model.recentIndptr[u1], model.recentIndptr[u1 + 1]];
    expect(Array.from(model.recentItem.subarray(span[0], span[1]), (i) => model.itemIds[i])).toEqual(["c1", "g1"]); // 06:00 and 07:00
    const short = buildRuleModel(trainFrame(), {}, { historyMinutes: 30 });
    expect(short.recentIndptr[u1 + 1] - short.recentIndptr[u1]).toBe(1);
    expect(model.meta.timeColumn).toBe("ts_local");
    expect(buildRuleModel(trainFrame().drop("ts_local")).meta.timeColumn).toBe("ts");
  });

  it("derives time, day, hour, region and cell tokens with the model's bins", () => {
    const q = parseQuery(model, { user: "x", time: at("2024-06-02T22:15:00"), region: "Old Town", lat: 57.64911, lon: 10.40744, tokens: ["cluster:3"] }, 0, 120);
    expect([...q.tokens].sort()).toEqual(["cell:u4pru", "cluster:3", "day:weekend", "hour:22", "region:Old Town", "time:night"]);
    const bins = buildRuleModel(trainFrame(), {}, { dayParts: [{ from: 0, label: "am" }, { from: 12, label: "pm" }], weekendDays: [5, 6] });
    expect([...parseQuery(bins, { user: "x", time: at("2024-06-07T13:00:00") }, 0, 120).tokens].sort()).toEqual(["day:weekend", "hour:13", "time:pm"]); // a Friday
    expect(() => buildRuleModel(trainFrame(), {}, { dayParts: [{ from: 3, label: "x" }] })).toThrow(/dayParts must start/);
  });
});

describe("eventQueries", () => {
  it("builds each target's query from the user's strictly earlier visits within the window", () => {
    const events = trainFrame();
    const targets = events.filter(pl.col("user").eq(pl.lit("u1")));
    const { queries, truth } = eventQueries(events, targets, { historyMinutes: 90 });
    expect(queries.map((q) => q.user)).toEqual(["u1#0", "u1#1", "u1#2", "u1#3"]);
    expect(queries.map((q) => (q.recent ?? []).map((v) => v.item))).toEqual([[], [], [], ["c1"]]); // 06:00 is 60 min before the 07:00 Gym
    expect(queries[3]).toMatchObject({ time: at("2024-06-04T07:00:00"), region: "Riverside" });
    expect(truth.item).toEqual(["b1", "c1", "c1", "g1"]);
    // same-instant visits are not history
    const twin = pl.concat([events.head(1), events.head(1).withColumns(pl.lit("c2").alias("item"))]);
    expect(eventQueries(twin, twin.tail(1)).queries[0].recent).toEqual([]);
    expect(() => eventQueries(events, targets, { historyMinutes: -1 })).toThrow(/historyMinutes must be/);
  });
});

describe("poiRegions / withItemRegions", () => {
  it("joins regions in row order and counts items without one", () => {
    const regions = poiRegions([{ item: "b1", region: "Riverside" }, { item: "m1", region: "Old Town" }]);
    const { frame, unmatched } = withItemRegions(trainFrame().drop("region"), regions);
    expect(frame.getColumn("item").toArray()).toEqual(trainFrame().getColumn("item").toArray());
    expect(frame.getColumn("region").toArray().slice(0, 2)).toEqual(["Riverside", null]);
    expect(unmatched).toBe(13 - 3 - 1);
    expect(() => poiRegions([{ item: "b1", region: "A" }, { item: "b1", region: "B" }])).toThrow(/two regions/);
    const events = pl.DataFrame([pl.Series("item", ["a"]), datetimeSeries("ts", [0])]);
    expect(() => withItemRegions(events, pl.DataFrame({ item: ["a"] }))).toThrow(DataError);
  });
});
