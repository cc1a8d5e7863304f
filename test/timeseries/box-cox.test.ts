import { describe, expect, it } from "vitest";
import { boxCox, guerreroLambda, invBoxCox } from "../../src/timeseries/box-cox";
import { createRng } from "../../src/util/rng";
import { AIR_FILE, hasAir, readColumn } from "./reference-series";

describe("Box–Cox", () => {
  it("lambda 0 is the log, lambda 1 shifts by one, lambda 0.5 by hand", () => {
    expect(Array.from(boxCox([1, Math.E, Math.E ** 2], 0))).toEqual([0, 1, 2]);
    expect(Array.from(boxCox([3, 7], 1))).toEqual([2, 6]);
    expect(Array.from(boxCox([4, 9], 0.5))).toEqual([2, 4]); // (√y − 1)/0.5
  });

  it("inverse recovers random positive series for several lambdas", () => {
    const rng = createRng(3);
    const y = Array.from({ length: 50 }, () => 0.1 + 100 * rng.next());
    for (const lambda of [-1, -0.3, 0, 0.25, 1, 2]) {
      invBoxCox(boxCox(y, lambda), lambda).forEach((v, i) => expect(v / y[i]).toBeCloseTo(1, 10));
    }
  });

  it("follows R for negative values: NaN when lambda < 0", () => {
    expect(Number.isNaN(boxCox([-2], -0.5)[0])).toBe(true);
    expect(boxCox([-8], 1 / 3)[0]).toBeCloseTo((-2 - 1) * 3, 12);
    expect(() => boxCox([0], 0)).toThrow(/positive/);
    expect(() => boxCox([1], NaN)).toThrow(/lambda/);
  });

  it.skipIf(!hasAir)("Guerrero's lambda on AirPassengers equals R's BoxCox.lambda (−0.2947156)", () => {
    expect(guerreroLambda(readColumn(AIR_FILE), { period: 12 })).toBeCloseTo(-0.2947156, 4);
  });
});
