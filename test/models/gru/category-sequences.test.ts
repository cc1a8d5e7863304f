import { describe, expect, it } from "vitest";
import { buildVocabulary, categorySequences, encodeTokens, nextTokenSamples, oneHotWindows, UNKNOWN_ID } from "../../../src/models/gru/category-sequences";
import { eventsOf } from "./fixtures";

describe("categorySequences", () => {
  it("orders each user's tokens by time whatever the row order, and counts dropped nulls", () => {
    const df = eventsOf({ b: ["Gym", "Coffee", null, "Bar"], a: ["Office", "Lunch"] });
    const shuffled = df.sample(df.height, undefined, undefined, 3); // any row order
    for (const frame of [df, shuffled]) {
      const s = categorySequences(frame);
      expect(s.users).toEqual(["a", "b"]);
      expect(Array.from(s.offsets)).toEqual([0, 2, 5]);
      expect(s.tokens).toEqual(["Office", "Lunch", "Gym", "Coffee", "Bar"]);
      expect(s.dropped).toEqual({ nullToken: 1, nullTs: 0 });
    }
  });

  it("reads another token column and fails on a missing one", () => {
    const df = eventsOf({ a: ["X", "Y"] });
    expect(categorySequences(df, { column: "item" }).tokens).toEqual(["p-X", "p-Y"]);
    expect(() => categorySequences(df.drop("category"))).toThrow(/needs column 'category'/);
  });
});

describe("vocabulary and samples", () => {
  it("sorted vocabulary from id 2, unknown → 1", () => {
    const v = buildVocabulary(["b", "a", "b"]);
    expect(v).toEqual({ tokens: ["a", "b"], size: 4 });
    expect(Array.from(encodeTokens(["b", "z", "a"], v))).toEqual([3, UNKNOWN_ID, 2]);
  });

  it("cuts full-window next-token samples per user, never across users", () => {
    // user 0: 2 3 2 3 (2 samples), user 1: 4 5 (2 events, not more than window 2: skipped), user 2: 5 4 5 (1 sample)
    const ids = Int32Array.of(2, 3, 2, 3, 4, 5, 5, 4, 5);
    const offsets = Int32Array.of(0, 4, 6, 9);
    const s = nextTokenSamples(ids, offsets, 2);
    expect(s.count).toBe(3);
    expect(Array.from(s.x)).toEqual([2, 3, 3, 2, 5, 4]);
    expect(Array.from(s.target)).toEqual([2, 3, 5]);
    expect(Array.from(s.user)).toEqual([0, 0, 2]);
    expect(s.skippedUsers).toBe(1);
  });

  it("one-hot encodes windows of ids as [count, window, size]", () => {
    expect(Array.from(oneHotWindows(Float32Array.of(2, 3, 0, 1), 2, 2, 4))).toEqual([0, 0, 1, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 0, 0]);
  });
});
