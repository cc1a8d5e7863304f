import pl from "nodejs-polars";
import { describe, expect, it } from "vitest";
import { handleMissing } from "../../src/clean/handle-missing";
import { DataError } from "../../src/util/data-error";

const T = Date.UTC(2024, 0, 1);
const H = 3_600_000;

function frame(): pl.DataFrame {
  // rows deliberately out of time order
  return pl
    .DataFrame({
      user: ["a", "a", "b", "a", "b", "b"],
      item: ["x", "y", "x", "z", "y", "z"],
      ts: [T + 2 * H, T, T + H, T + H, T, T + 2 * H],
      rating: [null, 4, NaN, null, 2, 5],
      category: ["bar", null, "cafe", null, null, "park"],
      tz_offset_min: [60, null, 120, 60, 120, null],
    })
    .withColumns(pl.col("ts").cast(pl.Datetime("ms")), pl.col("tz_offset_min").cast(pl.Int32));
}

describe("handleMissing", () => {
  it("drops rows with a missing value (null or NaN) and counts them", () => {
    const { frame: out, report } = handleMissing(frame(), { strategies: { rating: "drop" } });
    expect(out.getColumn("rating").toArray()).toEqual([4, 2, 5]);
    expect(report).toEqual([{ step: "handleMissing", reason: "missing_rating", rowsIn: 6, rowsOut: 3, valuesChanged: 0 }]);
  });

  it("NaN is kept as a value when nanAsMissing is false", () => {
    const { frame: out } = handleMissing(frame(), { strategies: { rating: "drop" }, nanAsMissing: false });
    expect(out.height).toBe(4);
  });

  it("fills with the mean and the median of the present values", () => {
    // present: 4, 2, 5 -> mean 11/3, median 4
    const mean = handleMissing(frame(), { strategies: { rating: "mean" } });
    expect(mean.frame.getColumn("rating").toArray()).toEqual([11 / 3, 4, 11 / 3, 11 / 3, 2, 5]);
    expect(mean.report[0]).toEqual({ step: "handleMissing", reason: "missing_rating_mean", rowsIn: 6, rowsOut: 6, valuesChanged: 3 });
    const median = handleMissing(frame(), { strategies: { rating: "median" } });
    expect(median.frame.getColumn("rating").toArray()).toEqual([4, 4, 4, 4, 2, 5]);
  });

  it("forward-fills within each user in time order, leaving a user's leading gaps null", () => {
    // user a in time: T (null cat, tz null), T+H (null cat, tz 60), T+2H (bar, tz 60)
    // user b in time: T (null cat, tz 120), T+H (cafe, tz 120), T+2H (park, tz null -> 120)
    const { frame: out, report } = handleMissing(frame(), { strategies: { category: "ffill", tz_offset_min: "ffill" } });
    expect(out.getColumn("category").toArray()).toEqual(["bar", null, "cafe", null, null, "park"]);
    expect(out.getColumn("tz_offset_min").toArray()).toEqual([60, null, 120, 60, 120, 120]);
    expect(out.getColumn("tz_offset_min").dtype.variant).toBe("Int32");
    expect(report.map((r) => [r.reason, r.valuesChanged])).toEqual([
      ["missing_category_ffill", 0],
      ["missing_tz_offset_min_ffill", 1],
    ]);
    // input order is kept
    expect(out.getColumn("item").toArray()).toEqual(["x", "y", "x", "z", "y", "z"]);
  });

  it("forward-fills from the previous event in time, not in row order", () => {
    const df = pl
      .DataFrame({ user: ["a", "a", "a"], item: ["x", "y", "z"], ts: [T + 2 * H, T, T + H], rating: [null, 1, 3] })
      .withColumn(pl.col("ts").cast(pl.Datetime("ms")));
    // time order: 1 (T), 3 (T+H), null (T+2H) -> 3
    expect(handleMissing(df, { strategies: { rating: "ffill" } }).frame.getColumn("rating").toArray()).toEqual([3, 1, 3]);
  });

  it("fills constants, keeping the column type", () => {
    const { frame: out, report } = handleMissing(frame(), {
      strategies: { category: { value: "unknown" }, tz_offset_min: 0, rating: 0 },
    });
    expect(out.getColumn("category").toArray()).toEqual(["bar", "unknown", "cafe", "unknown", "unknown", "park"]);
    expect(out.getColumn("tz_offset_min").toArray()).toEqual([60, 0, 120, 60, 120, 0]);
    expect(out.getColumn("tz_offset_min").dtype.variant).toBe("Int32");
    expect(out.getColumn("rating").toArray()).toEqual([0, 4, 0, 0, 2, 5]);
    expect(report.map((r) => r.valuesChanged)).toEqual([3, 2, 3]);
  });

  it("applies strategies in key order: a drop first changes the statistics of later columns", () => {
    const { frame: out } = handleMissing(frame(), { strategies: { category: "drop", rating: "mean" } });
    // rows left: (bar, null), (cafe, NaN), (park, 5) -> mean of present = 5
    expect(out.getColumn("rating").toArray()).toEqual([5, 5, 5]);
  });

  it("fails loudly on bad strategies and types", () => {
    expect(() => handleMissing(frame(), { strategies: { nope: "drop" } })).toThrow(DataError);
    expect(() => handleMissing(frame(), { strategies: { category: "mean" } })).toThrow(/numeric/);
    expect(() => handleMissing(frame(), { strategies: { category: 3 } })).toThrow(/cannot fill/);
    expect(() => handleMissing(frame(), { strategies: { tz_offset_min: 1.5 } })).toThrow(/integer/);
    expect(() => handleMissing(frame(), { strategies: { rating: "zero" as never } })).toThrow(/strategy/);
    const allNull = frame().withColumn(pl.lit(null).cast(pl.Float64).alias("rating"));
    expect(() => handleMissing(allNull, { strategies: { rating: "median" } })).toThrow(/no present values/);
  });
});
