import { describe, expect, it } from "vitest";
import { recsFrame } from "../../src/recommend/recs-frame";

describe("recsFrame", () => {
  it("lays out per-user lists as rows with ranks 1..n and the contract's types", () => {
    const df = recsFrame(
      [
        { user: "u1", items: Int32Array.of(2, 0), scores: Float32Array.of(0.5, 0.25), fallback: false },
        { user: "u2", items: Int32Array.of(), scores: Float32Array.of(), fallback: false },
        { user: "u3", items: Int32Array.of(1), scores: Float32Array.of(7), fallback: true },
      ],
      ["a", "b", "c"],
    );
    expect(df.dtypes.map(String)).toEqual(["DataType(String)", "DataType(String)", "DataType(Float64)", "DataType(Int32)", "DataType(Bool)"]);
    expect(df.toRecords()).toEqual([
      { user: "u1", item: "c", score: 0.5, rank: 1, fallback: false },
      { user: "u1", item: "a", score: 0.25, rank: 2, fallback: false },
      { user: "u3", item: "b", score: 7, rank: 1, fallback: true },
    ]);
  });

  it("returns an empty frame with the same columns for no rows, and rejects mismatched lengths", () => {
    const df = recsFrame([], ["a"]);
    expect([df.height, df.columns]).toEqual([0, ["user", "item", "score", "rank", "fallback"]]);
    expect(() => recsFrame([{ user: "u", items: Int32Array.of(0), scores: Float32Array.of(), fallback: false }], ["a"])).toThrow(/scores/);
  });
});
