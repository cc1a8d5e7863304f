import { describe, expect, it } from "vitest";
import { loadFitted, saveFitted } from "../../src/recommend/model-io";
import type { FittedModel } from "../../src/recommend/recommender";

interface Toy extends FittedModel {
  weights: Float32Array;
  index: Int32Array;
}

const toy = (): Toy => ({ kind: "Toy", userIds: ["u"], itemIds: ["a", "b"], meta: { lr: 0.1 }, weights: Float32Array.of(1.5, -2), index: Int32Array.of(0, 1) });

describe("saveFitted / loadFitted", () => {
  it("puts typed arrays in arrays, the rest in JSON, and round-trips without sharing memory", () => {
    const model = toy();
    const saved = saveFitted(model);
    expect(Object.keys(saved.arrays).sort()).toEqual(["index", "weights"]);
    expect(JSON.parse(saved.json)).toEqual({ kind: "Toy", userIds: ["u"], itemIds: ["a", "b"], meta: { lr: 0.1 } });
    model.weights[0] = 99;
    const back = loadFitted<Toy>(saved, "Toy", ["weights", "index"]);
    expect(Array.from(back.weights)).toEqual([1.5, -2]);
    expect(back.index).toBeInstanceOf(Int32Array);
    expect(back.meta).toEqual({ lr: 0.1 });
  });

  it("refuses another kind, a missing array, bad JSON and unsupported array types", () => {
    const saved = saveFitted(toy());
    expect(() => loadFitted(saved, "Other", [])).toThrow(/kind "Toy"/);
    expect(() => loadFitted(saved, "Toy", ["missing"])).toThrow(/missing/);
    expect(() => loadFitted({ json: "{", arrays: {} }, "Toy", [])).toThrow(/JSON/);
    expect(() => saveFitted({ ...toy(), bytes: new Uint8Array(2) } as FittedModel)).toThrow(/Uint8Array/);
  });
});
