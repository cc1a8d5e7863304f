import pl from "nodejs-polars";
import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/evaluate/evaluate";
import type { EvalProtocol } from "../../src/evaluate/protocol";
import { eventsFrame, pairsFrame } from "../contracts/fixtures";

const protocol: EvalProtocol = { split: "random-ratio", candidates: "all", k: [2], excludeTrainItems: true, metrics: ["recall", "precision", "hr", "ndcg"] };

const recsOf = (rows: [string, string, number][]) =>
  pl.DataFrame({ user: rows.map((r) => r[0]), item: rows.map((r) => r[1]), rank: pl.Series("rank", rows.map((r) => r[2]), pl.Int32) });

describe("evaluate (frames)", () => {
  // truth: a -> {x, y}, b -> {z}, c -> {x}; train: c had x already (dropped from c's truth -> c not evaluated)
  const truth = pairsFrame([["a", "x"], ["a", "y"], ["b", "z"], ["c", "x"], ["a", "x"]]);
  const train = pairsFrame([["c", "x"], ["a", "w"], ["d", "y"]]);

  it("averages over test users; a user without recommendations scores 0", () => {
    // a: [y, q] -> 1 hit of 2; b: no list -> 0
    const recs = recsOf([["a", "y", 1], ["a", "q", 2], ["zz", "x", 1]]);
    const r = evaluate(truth, recs, protocol, { train });
    // recall: a 1/2, b 0 -> 0.25; precision: a 1/2, b 0 -> 0.25; hr: a 1, b 0 -> 0.5
    // ndcg: a DCG 1, IDCG (|T| = 2) 1 + 1/log2 3 = 1.63093 -> 0.61315; b 0 -> 0.30657
    expect(r["recall@2"]).toBeCloseTo(0.25, 12);
    expect(r["precision@2"]).toBeCloseTo(0.25, 12);
    expect(r["hr@2"]).toBeCloseTo(0.5, 12);
    expect(r["ndcg@2"]).toBeCloseTo(1 / (1 + 1 / Math.log2(3)) / 2, 12);
  });

  it("keeps truth pairs seen in training when excludeTrainItems is false", () => {
    const recs = recsOf([["c", "x", 1]]);
    const kept = evaluate(truth, recs, { ...protocol, excludeTrainItems: false, metrics: ["hr"] }, { train });
    expect(kept["hr@2"]).toBeCloseTo(1 / 3, 12); // a 0, b 0, c 1
    // excluding training items drops c's only truth pair, so c is no longer evaluated: a hits, b misses
    const dropped = evaluate(truth, recsOf([["a", "y", 1], ["c", "y", 1]]), { ...protocol, metrics: ["hr"] }, { train });
    expect(dropped["hr@2"]).toBe(0.5); // 1/3 if c were still counted
  });

  it("reads ranks, not row order; ranks beyond max K are ignored", () => {
    const recs = recsOf([["a", "x", 3], ["a", "q", 2], ["a", "y", 1]]);
    // no training frame: users a, b, c are all evaluated; a's list is [y, q] (x at rank 3 is cut)
    // mrr: a 1, b 0, c 0 -> 1/3; recall: a 1/2 -> 1/6
    const r = evaluate(truth, recs, { ...protocol, metrics: ["mrr", "recall"] });
    expect(r["mrr@2"]).toBeCloseTo(1 / 3, 12);
    expect(r["recall@2"]).toBeCloseTo(1 / 6, 12);
  });

  it("computes coverage, novelty and diversity from the training frame", () => {
    const tr = eventsFrame([
      { user: "a", item: "w", category: "A" },
      { user: "b", item: "w", category: "A" },
      { user: "d", item: "q", category: "B" },
      { user: "d", item: "y", category: "A" },
    ]);
    const recs = recsOf([["a", "y", 1], ["a", "q", 2], ["b", "w", 1]]);
    const r = evaluate(truth, recs, { ...protocol, excludeTrainItems: false, metrics: ["coverage", "novelty", "diversity"] }, { train: tr });
    // catalogue = 3 training items {w, q, y}; recommended {y, q, w} -> 1
    expect(r["coverage@2"]).toBe(1);
    // N = 3 training users; pop y 1, q 1, w 2: a: (log2 3 + log2 3)/2, b: log2(3/2) -> mean
    expect(r["novelty@2"]).toBeCloseTo((Math.log2(3) + Math.log2(1.5)) / 2, 12);
    // a: y (A), q (B) -> 1; b has one item -> skipped
    expect(r["diversity@2"]).toBe(1);
  });

  it("fails loudly on duplicate ranks, repeated items, missing inputs and a sampled protocol without candidates", () => {
    expect(() => evaluate(truth, recsOf([["a", "x", 1], ["a", "y", 1]]), protocol)).toThrow(/two items at rank 1/);
    expect(() => evaluate(truth, recsOf([["a", "x", 1], ["a", "x", 2]]), protocol)).toThrow(/twice/);
    expect(() => evaluate(truth, recsOf([["a", "x", 0]]), protocol)).toThrow(/rank/);
    expect(() => evaluate(truth, recsOf([]), { ...protocol, metrics: ["novelty"] })).toThrow(/train/);
    expect(() => evaluate(truth, recsOf([]), { ...protocol, candidates: { sampled: 5, seed: 1 } })).toThrow(/candidates/);
    // the protocol excludes training items: recommending a's training item w is caught
    expect(() => evaluate(truth, recsOf([["a", "w", 1]]), protocol, { train })).toThrow(/training item 'w'/);
    const cands = pairsFrame([["a", "y"]]);
    expect(() => evaluate(truth, recsOf([["a", "x", 1]]), { ...protocol, candidates: { sampled: 5, seed: 1 } }, { candidates: cands })).toThrow(/not candidates/);
  });
});
