import { describe, expect, it } from "vitest";
import { readGroundTruth } from "../../src/generate/read-ground-truth";
import { generateEvents } from "../../src/generate/generate-events";

describe("readGroundTruth", () => {
  it("reads the committed truth, equal to what the generator plants with its defaults", () => {
    const committed = readGroundTruth();
    const fresh = JSON.parse(JSON.stringify(generateEvents().truth));
    expect(committed).toEqual(fresh);
  });
  it("names the missing file", () => {
    expect(() => readGroundTruth("/nonexistent")).toThrow(/\/nonexistent\/ground-truth.json/);
  });
});
