import { describe, expect, it } from "vitest";
import pl from "nodejs-polars";
import { eventSeries } from "../../src/timeseries/event-series";
import { seriesValues } from "../../src/timeseries/series-values";

const DAY = 86_400_000;

function events(users: string[], ts: number[]): pl.DataFrame {
  return pl.DataFrame({ user: users, ts }).withColumns(pl.col("ts").cast(pl.Int64).cast(pl.Datetime("ms")));
}

function bucketFrame(ms: number[], counts: number[]): pl.DataFrame {
  return pl.DataFrame({ bucket: ms, count: counts }).withColumns(pl.col("bucket").cast(pl.Int64).cast(pl.Datetime("ms")));
}

describe("seriesValues", () => {
  const t0 = Date.UTC(2024, 0, 1);
  const df = events(["a", "a", "b", "a"], [t0 + 1000, t0 + 2 * DAY, t0 + DAY + 5, t0 + 2 * DAY + 7]);

  it("returns start, freq and the zero-filled values of one series", () => {
    const s = seriesValues(eventSeries(df, { freq: "day" }));
    expect(s.start.toISOString()).toBe("2024-01-01T00:00:00.000Z");
    expect(s.freq).toBe("day");
    expect(s.stepMs).toBe(DAY);
    expect(Array.from(s.values)).toEqual([1, 1, 2]);
    expect(s.values).toBeInstanceOf(Float64Array);
  });

  it("picks one group of a multi-series frame", () => {
    const frame = eventSeries(df, { freq: "day", by: "user" });
    expect(Array.from(seriesValues(frame, { group: "a" }).values)).toEqual([1, 0, 2]);
    expect(Array.from(seriesValues(frame, { group: "b" }).values)).toEqual([0, 1, 0]);
    expect(() => seriesValues(frame)).toThrow(/holds 2 series \(column 'user'\); pass options.group/);
    expect(() => seriesValues(frame, { group: "zz" })).toThrow(/group "zz" not found/);
  });

  it("sorts unsorted buckets and rejects gaps, repeats and unknown spacing", () => {
    expect(Array.from(seriesValues(bucketFrame([t0 + DAY, t0], [5, 3])).values)).toEqual([3, 5]);
    expect(() => seriesValues(bucketFrame([t0, t0 + DAY, t0 + 3 * DAY], [1, 2, 3]))).toThrow(/gap at 2024-01-04/);
    expect(() => seriesValues(bucketFrame([t0, t0 + DAY, t0 + DAY], [1, 2, 3]))).toThrow(/repeated bucket/);
    expect(() => seriesValues(bucketFrame([t0, t0 + 2 * 3_600_000], [1, 2]))).toThrow(/7200000 ms is not a known frequency/);
  });

  it("fails loudly on empty frames, one-bucket series without freq and missing columns", () => {
    expect(() => seriesValues(bucketFrame([t0], [1]).head(0))).toThrow(/empty/);
    expect(() => seriesValues(bucketFrame([t0], [1]))).toThrow(/pass options.freq/);
    expect(seriesValues(bucketFrame([t0], [4]), { freq: "week" }).stepMs).toBe(7 * DAY);
    expect(() => seriesValues(bucketFrame([t0], [1]), { freq: "fortnight" as never })).toThrow(/freq must be one of/);
    expect(() => seriesValues(pl.DataFrame({ bucket: [1] }))).toThrow(/needs column 'count'/);
    const nullCount = bucketFrame([t0, t0 + DAY], [1, 2]).withColumns(pl.when(pl.col("count").eq(2)).then(pl.lit(null)).otherwise(pl.col("count")).alias("count"));
    expect(() => seriesValues(nullCount)).toThrow(/null value at 2024-01-02/);
  });
});
