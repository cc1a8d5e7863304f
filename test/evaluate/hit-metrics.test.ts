import { describe, expect, it } from "vitest";
import { hr, precision, recall } from "../../src/evaluate/hit-metrics";

// One list of 5 with hits at ranks 2 and 5 (hits = [0,1,0,0,1]); the user has |T| = 4 relevant items.
const hits = Uint8Array.of(0, 1, 0, 0, 1);

describe("hit metrics (hand-computed)", () => {
  it("recall@K = hits in top K / |T|", () => {
    expect(recall.perUser(hits, 1, 4)).toBe(0); //   no hit at rank 1
    expect(recall.perUser(hits, 2, 4)).toBe(0.25); // 1 / 4
    expect(recall.perUser(hits, 5, 4)).toBe(0.5); //  2 / 4
    expect(recall.perUser(hits, 5, 2)).toBe(1); //    2 / 2
  });

  it("precision@K = hits in top K / K, K even past the list's end", () => {
    expect(precision.perUser(hits, 2, 4)).toBe(0.5); //  1 / 2
    expect(precision.perUser(hits, 5, 4)).toBe(0.4); //  2 / 5
    expect(precision.perUser(Uint8Array.of(1, 0, 0, 0, 0, 0, 0, 0, 0, 0), 10, 1)).toBe(0.1); // a list of 1 item, K = 10
  });

  it("hr@K = 1 if any hit in top K", () => {
    expect(hr.perUser(hits, 1, 4)).toBe(0);
    expect(hr.perUser(hits, 2, 4)).toBe(1);
  });

  it("carries RecBole-style flags", () => {
    for (const m of [recall, precision, hr]) expect([m.family, m.lowerIsBetter]).toEqual(["accuracy", false]);
  });
});
