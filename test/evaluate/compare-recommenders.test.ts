import { describe, expect, it } from "vitest";
import { compareRecommenders } from "../../src/evaluate/compare-recommenders";
import { evaluate } from "../../src/evaluate/evaluate";
import { excludePairs } from "../../src/evaluate/exclude-pairs";
import type { EvalProtocol } from "../../src/evaluate/protocol";
import { itemKnn } from "../../src/recommend/item-knn";
import { popularity } from "../../src/recommend/popularity";
import { withOptions } from "../../src/recommend/with-options";
import { randomRatioSplit } from "../../src/split/random-ratio-split";
import { eventsFrame, randomEvents } from "../contracts/fixtures";

describe("compareRecommenders", () => {
  const events = eventsFrame(randomEvents(1200, 8, { users: 50, items: 60 }));
  const first = randomRatioSplit(events, { testRatio: 0.2, seed: 1 });
  const rest = randomRatioSplit(first.test, { testRatio: 0.5, seed: 1 });
  const [train, valid, test] = [first.train, rest.train, rest.test];
  const protocol: EvalProtocol = { split: "random-ratio", candidates: "all", k: [5, 10], excludeTrainItems: true, metrics: ["recall", "ndcg"] };

  it("gives one row per model with the same metrics as evaluate on its recommendations, and timings", async () => {
    const models = [popularity, withOptions(itemKnn, { shrink: 2 }, "ItemKNN-s2")];
    const seen: string[] = [];
    const table = await compareRecommenders(models, train, test, protocol, { mask: valid, onModel: (r) => seen.push(String(r.model)) });
    expect(table.columns).toEqual(["model", "recall@5", "recall@10", "ndcg@5", "ndcg@10", "fit_s", "recommend_s", "evaluate_s"]);
    expect(table.getColumn("model").toArray()).toEqual(["Popularity", "ItemKNN-s2"]);
    expect(seen).toEqual(["Popularity", "ItemKNN-s2"]);
    // oracle: the same steps by hand for the second model
    const users = [...new Set(test.getColumn("user").toArray() as string[])].sort();
    const perUser = new Map<string, number>();
    for (const r of valid.toRecords() as { user: string }[]) perUser.set(r.user, (perUser.get(r.user) ?? 0) + 1);
    const maxValid = Math.max(...perUser.values()); // an upper bound on the masked items per user is enough
    const fitted = itemKnn.fit(train, { shrink: 2 });
    const recs = excludePairs(itemKnn.recommend(fitted, users, { k: 10 + maxValid }), valid, { k: 10 });
    const want = evaluate(test, recs, protocol, { train });
    const row = table.toRecords()[1] as Record<string, number>;
    for (const [key, v] of Object.entries(want)) expect(row[key]).toBeCloseTo(v, 12);
    for (const t of ["fit_s", "recommend_s", "evaluate_s"]) expect(row[t]).toBeGreaterThan(0);
  });

  it("shares sampled candidates between models under a sampled protocol", async () => {
    const sampled: EvalProtocol = { ...protocol, candidates: { sampled: 5, seed: 2 } };
    const table = await compareRecommenders([popularity, itemKnn], train, test, sampled);
    // with 5 negatives + a few held-out items per user, top-10 holds almost every candidate: recall@10 is near 1
    for (const r of table.toRecords() as Record<string, number>[]) expect(r["recall@10"]).toBeGreaterThan(0.9);
  });
});
