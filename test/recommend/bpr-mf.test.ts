import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/evaluate/evaluate";
import type { EvalProtocol } from "../../src/evaluate/protocol";
import { bprMf } from "../../src/recommend/bpr-mf";
import { dotScores, dotScoresBatch, factorRecall, validationSets } from "../../src/recommend/bpr-scoring";
import { topK } from "../../src/recommend/top-k";
import { popularity } from "../../src/recommend/popularity";
import { randomRatioSplit } from "../../src/split/random-ratio-split";
import { createRng } from "../../src/util/rng";
import type { EpochLog } from "../../src/viz/loss-curve";
import { recommenderContract } from "../contracts/recommender.contract";
import { eventsFrame, type Ev } from "../contracts/fixtures";

recommenderContract(() => bprMf, { fitOptions: { epochs: 4, factors: 8, seed: 3 }, supportsUniverse: true });

/** 3 planted taste groups of 20 users and 20 items; each user picks 14 items in their group and 2 anywhere. */
function planted(seed: number): Ev[] {
  const rng = createRng(seed);
  const events: Ev[] = [];
  for (let u = 0; u < 60; u++) {
    const g = u % 3;
    const picked = new Set<number>();
    while (picked.size < 14) picked.add(g * 20 + rng.int(20));
    while (picked.size < 16) picked.add(rng.int(60));
    for (const i of picked) events.push({ user: `u${String(u).padStart(2, "0")}`, item: `i${String(i).padStart(2, "0")}` });
  }
  return rng.shuffle(events);
}

const protocol: EvalProtocol = { split: "random-ratio", candidates: "all", k: [10], excludeTrainItems: true, metrics: ["recall", "ndcg"] };

describe("bprMf", () => {
  const { train, test } = randomRatioSplit(eventsFrame(planted(1)), { testRatio: 0.25, seed: 2 });
  const users = [...new Set(test.getColumn("user").toArray() as string[])];

  it("lowers the BPR loss and beats popularity on planted low-rank preferences", () => {
    const logs: EpochLog[] = [];
    const fitted = bprMf.fit(train, { factors: 8, epochs: 60, learningRate: 0.05, reg: 0.01, patience: 0, seed: 5, onEpoch: (l) => logs.push(l) });
    expect(logs.length).toBe(60);
    expect(logs.map((l) => l.epoch)).toEqual(logs.map((_, j) => j + 1));
    expect(logs[59].loss).toBeLessThan(0.3 * logs[0].loss); // measured 0.69 -> 0.11
    expect(logs[0].loss).toBeGreaterThan(0.6); // starts near ln 2 = 0.693 (small random factors)
    const bpr = evaluate(test, bprMf.recommend(fitted, users, { k: 10 }), protocol, { train });
    const pop = evaluate(test, popularity.recommend(popularity.fit(train), users, { k: 10 }), protocol, { train });
    // 4 held-out items per user, mostly in the user's 20-item group; ~10 unseen group items remain, so a
    // group-aware model's top 10 holds most of them, while popularity ignores the groups
    expect(bpr["recall@10"]).toBeGreaterThan(0.6); // measured 0.78 (popularity 0.17)
    expect(bpr["recall@10"]).toBeGreaterThan(pop["recall@10"] + 0.4);
    expect(bpr["ndcg@10"]).toBeGreaterThan(pop["ndcg@10"] + 0.3);
  });

  it("early-stops on validation recall, restores the best epoch and reports it each epoch", () => {
    const logs: EpochLog[] = [];
    const fitted = bprMf.fit(train, { factors: 8, epochs: 200, patience: 3, validation: test, validationK: 5, seed: 5, onEpoch: (l) => logs.push(l) });
    expect(logs.length).toBeLessThan(200);
    expect(fitted.meta.epochsRun).toBe(logs.length);
    const vals = logs.map((l) => l["val_recall@5"] as number);
    const best = Math.max(...vals);
    expect(fitted.meta.bestEpoch).toBe(vals.indexOf(best) + 1);
    expect(logs.length - (fitted.meta.bestEpoch as number)).toBeGreaterThanOrEqual(3);
    // the returned factors are the best epoch's: their validation recall is the best value
    const seen = { nRows: fitted.userIds.length, nCols: fitted.itemIds.length, indptr: fitted.seenIndptr, indices: fitted.seenIndices, values: new Float32Array(0) };
    const f = { d: 8, users: fitted.userFactors, items: fitted.itemFactors };
    expect(factorRecall(f, seen, validationSets(test, fitted.userIds, fitted.itemIds), 5)).toBeCloseTo(best, 10);
  });

  it("scores p_u · q_j: batched recommendations equal a per-user dense ranking", () => {
    const fitted = bprMf.fit(train, { factors: 6, epochs: 3, seed: 9 });
    const f = { d: 6, users: fitted.userFactors, items: fitted.itemFactors };
    const nItems = fitted.itemIds.length;
    // batch of 4 == one at a time, exactly
    const outs = Array.from({ length: 4 }, () => new Float32Array(nItems));
    dotScoresBatch(f, [0, 5, 2, 7], outs);
    [0, 5, 2, 7].forEach((u, b) => {
      const one = new Float32Array(nItems);
      dotScores(f, u, one);
      expect(Array.from(outs[b])).toEqual(Array.from(one));
      // and the dot product itself
      for (const j of [0, nItems - 1]) expect(one[j]).toBeCloseTo(Array.from({ length: 6 }, (_, c) => f.users[u * 6 + c] * f.items[j * 6 + c]).reduce((a, x) => a + x, 0), 5);
    });
    const asked = fitted.userIds.slice(0, 11); // not a multiple of the batch
    const rows = bprMf.recommend(fitted, asked, { k: 7 }).toRecords() as { user: string; item: string }[];
    asked.forEach((user, u) => {
      const s = new Float32Array(nItems);
      dotScores(f, u, s);
      const want = topK(s, 7, { exclude: fitted.seenIndices.subarray(fitted.seenIndptr[u], fitted.seenIndptr[u + 1]) });
      expect(rows.filter((r) => r.user === user).map((r) => r.item)).toEqual(Array.from(want.items, (j) => fitted.itemIds[j]));
    });
  });

  it("depends on the seed", () => {
    const a = bprMf.fit(train, { factors: 4, epochs: 2, seed: 1 });
    const b = bprMf.fit(train, { factors: 4, epochs: 2, seed: 2 });
    expect(Array.from(a.userFactors)).not.toEqual(Array.from(b.userFactors));
  });

  it("validates its options", () => {
    expect(() => bprMf.fit(train, { factors: 0 })).toThrow(/factors/);
    expect(() => bprMf.fit(train, { learningRate: 0 })).toThrow(/learningRate/);
    expect(() => bprMf.fit(train, { epochs: 1.5 })).toThrow(/epochs/);
    expect(() => bprMf.fit(train, { reg: -1 })).toThrow(/reg/);
  });
});
