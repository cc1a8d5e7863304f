import pl from "nodejs-polars";
import { describe, expect, it } from "vitest";
import { anomalyRecovery, bucketDates, cycleRecovery } from "../../src/generate/truth-recovery";
import type { GroundTruth } from "../../src/generate/truth";

const daily = { start: new Date("2024-03-01T00:00:00Z"), stepMs: 86_400_000 };
const truth = {
  anomalies: [{ date: "2024-03-03" }, { date: "2024-03-10" }],
  users: [
    { user: "a", purchaseCycle: { periodDays: 28 } },
    { user: "b", purchaseCycle: { periodDays: 30 } },
    { user: "c", purchaseCycle: { periodDays: 25 } },
    { user: "d", purchaseCycle: null },
  ],
} as unknown as GroundTruth;

describe("truth recovery", () => {
  it("maps bucket indices to dates", () => {
    expect(bucketDates(daily, [0, 2, 31])).toEqual(["2024-03-01", "2024-03-03", "2024-04-01"]);
  });
  it("scores found anomaly days against the planted ones", () => {
    expect(anomalyRecovery(daily, [2, 5], truth)).toMatchObject({ precision: 0.5, recall: 0.5, truePositives: 1 });
  });
  it("counts cycle estimates within the tolerance; unestimated planted users count as misses", () => {
    const cycles = pl.DataFrame({ user: ["a", "b", "d"], median_days: [29.5, 33, 7] });
    const r = cycleRecovery(cycles, truth, 2);
    expect(r).toMatchObject({ planted: 3, estimated: 2, withinTolerance: 1, share: 1 / 3 });
    expect(r.table.getColumn("user").toArray()).toEqual(["a", "b", "c"]);
  });
});
