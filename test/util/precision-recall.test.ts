import { describe, expect, it } from "vitest";
import { precisionRecall } from "../../src/util/precision-recall";

describe("precisionRecall", () => {
  it("counts true positives over distinct elements", () => {
    const r = precisionRecall(["a", "b", "c", "c"], ["a", "b", "d", "e"]);
    expect(r).toMatchObject({ truePositives: 2, found: 3, truth: 4, precision: 2 / 3, recall: 0.5 });
    expect(r.f1).toBeCloseTo((2 * (2 / 3) * 0.5) / (2 / 3 + 0.5), 12);
  });
  it("handles empty sets by convention", () => {
    expect(precisionRecall([], ["a"])).toMatchObject({ precision: 1, recall: 0, f1: 0 });
    expect(precisionRecall(["a"], [])).toMatchObject({ precision: 0, recall: 1, f1: 0 });
  });
});
