import pl from "nodejs-polars";
import { describe, expect, it } from "vitest";
import { IMPOSSIBLE_REASONS, dropImpossible } from "../../src/clean/drop-impossible";

const T = Date.UTC(2020, 0, 1);
const NOW = new Date(Date.UTC(2021, 0, 1));

function frame(): pl.DataFrame {
  const rows: [string, number, number | null, number | null, number | null][] = [
    // id, ts, lat, lon, rating
    ["ok", T, 40.7, -74.0, 4],
    ["nan_lat", T, NaN, -74.0, 4],
    ["lat_91", T, 91, 10, 4],
    ["lat_91_and_lon_200", T, 91, 200, 4], // two problems: counted once, as lat_out_of_range
    ["lon_-181", T, 10, -181, 4],
    ["null_island", T, 0, 0, 4],
    ["future", Date.UTC(2022, 0, 1), 10, 10, 4],
    ["future_and_negative", Date.UTC(2022, 0, 1), 10, 10, -1], // counted as ts_in_future
    ["negative", T, 10, 10, -2],
    ["null_coords", T, null, null, null], // missing is not impossible: kept
    ["lat_0_lon_5", T, 0, 5, 4],
    ["edge", T, -90, 180, 0],
  ];
  return pl
    .DataFrame({
      user: rows.map((r) => r[0]),
      item: rows.map(() => "x"),
      ts: rows.map((r) => r[1]),
      lat: rows.map((r) => r[2]),
      lon: rows.map((r) => r[3]),
      rating: rows.map((r) => r[4]),
    })
    .withColumns(pl.col("ts").cast(pl.Datetime("ms")), pl.col("lat").cast(pl.Float64), pl.col("lon").cast(pl.Float64), pl.col("rating").cast(pl.Float64));
}

describe("dropImpossible", () => {
  it("counts each reason separately, a row with two problems once under the first reason", () => {
    const { frame: out, report } = dropImpossible(frame(), { now: NOW });
    expect(out.getColumn("user").toArray()).toEqual(["ok", "null_coords", "lat_0_lon_5", "edge"]);
    expect(report.map((r) => [r.reason, r.rowsIn - r.rowsOut])).toEqual([
      ["nan_coordinates", 1],
      ["lat_out_of_range", 2],
      ["lon_out_of_range", 1],
      ["null_island", 1],
      ["ts_in_future", 2],
      ["rating_negative", 1],
    ]);
    // the chain is consistent: each step starts where the previous ended
    for (let i = 1; i < report.length; i++) expect(report[i].rowsIn).toBe(report[i - 1].rowsOut);
    expect(report[0].rowsIn).toBe(12);
  });

  it("follows the documented reason order", () => {
    const { report } = dropImpossible(frame(), { now: NOW, start: new Date(T), end: NOW, ratingRange: [1, 5] });
    expect(report.map((r) => r.reason)).toEqual([...IMPOSSIBLE_REASONS]);
  });

  it("checks a [start, end] window and a rating range, and can keep null island", () => {
    const { frame: out, report } = dropImpossible(frame(), {
      now: null,
      dropNullIsland: false,
      start: new Date(T + 1),
      dropNegativeRatings: false,
    });
    // every row at T is before start; the two 2022 rows are kept (no now, no end)
    expect(out.getColumn("user").toArray()).toEqual(["future", "future_and_negative"]);
    expect(report.find((r) => r.reason === "ts_before_start")!.rowsIn - report.find((r) => r.reason === "ts_before_start")!.rowsOut).toBe(6);
    const ranged = dropImpossible(frame(), { now: NOW, ratingRange: [1, 5] });
    expect(ranged.frame.getColumn("user").toArray()).toEqual(["ok", "null_coords", "lat_0_lon_5"]);
    expect(ranged.report.at(-1)).toEqual({ step: "dropImpossible", reason: "rating_out_of_range", rowsIn: 4, rowsOut: 3, valuesChanged: 0 });
  });

  it("uses the current time as the default now", () => {
    const df = frame().withColumn(pl.lit(new Date(Date.now() + 86_400_000)).cast(pl.Datetime("ms")).alias("ts"));
    const { frame: out } = dropImpossible(df);
    expect(out.height).toBe(0);
  });

  it("skips checks whose columns are absent", () => {
    const df = frame().select("user", "item", "ts");
    expect(dropImpossible(df, { now: NOW }).report.map((r) => r.reason)).toEqual(["ts_in_future"]);
    const latOnly = frame().select("user", "ts", "lat");
    expect(dropImpossible(latOnly, { now: null }).report.map((r) => [r.reason, r.rowsIn - r.rowsOut])).toEqual([
      ["nan_coordinates", 1],
      ["lat_out_of_range", 2],
    ]);
  });

  it("validates options", () => {
    expect(() => dropImpossible(frame(), { ratingRange: [5, 1] })).toThrow(/ratingRange/);
    expect(() => dropImpossible(frame(), { start: new Date(NaN) })).toThrow(/start/);
  });
});
