import { describe, expect, it } from "vitest";
import pl from "nodejs-polars";
import { addLocalTime } from "../../src/clean/add-local-time";
import { eventSeries } from "../../src/timeseries/event-series";
import { floorToFreq, type SeriesFreq } from "../../src/timeseries/series-freq";
import { createRng } from "../../src/util/rng";

const HOUR = 3_600_000;
const DAY = 86_400_000;

function frame(users: string[], ts: number[]): pl.DataFrame {
  return pl.DataFrame({ user: users, ts }).withColumns(pl.col("ts").cast(pl.Int64).cast(pl.Datetime("ms")));
}

/** Bucket start computed with calendar arithmetic, independently of floorToFreq. */
function bruteBucket(ms: number, freq: SeriesFreq): number {
  const d = new Date(ms);
  if (freq === "minute") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes());
  if (freq === "hour") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours());
  const midnight = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  return freq === "day" ? midnight : midnight - ((d.getUTCDay() + 6) % 7) * DAY; // Monday
}

const STEP: Record<SeriesFreq, number> = { minute: 60_000, hour: HOUR, day: DAY, week: 7 * DAY };

/** Brute force: the full grid from the first to the last bucket, every user, zero-filled. */
function bruteCounts(users: string[], ts: number[], freq: SeriesFreq): Map<string, number> {
  const b = ts.map((t) => bruteBucket(t, freq));
  const lo = Math.min(...b);
  const hi = Math.max(...b);
  const out = new Map<string, number>();
  for (const u of new Set(users)) for (let t = lo; t <= hi; t += STEP[freq]) out.set(`${u}|${t}`, 0);
  b.forEach((t, i) => out.set(`${users[i]}|${t}`, out.get(`${users[i]}|${t}`)! + 1));
  return out;
}

describe("eventSeries", () => {
  it("matches a brute-force count with every empty bucket present, for each freq and with groups", () => {
    const rng = createRng(7);
    const t0 = Date.UTC(2024, 2, 1, 3, 17);
    for (const [freq, span] of [["minute", 3 * HOUR], ["hour", 4 * DAY], ["day", 60 * DAY], ["week", 300 * DAY]] as const) {
      const n = 150;
      // clustered times leave many empty buckets
      const ts = Array.from({ length: n }, () => t0 + Math.floor((rng.next() ** 3) * span / 1000) * 1000);
      const users = ts.map(() => `u${rng.int(4)}`);
      const out = eventSeries(frame(users, ts), { freq, by: "user" });
      const expected = bruteCounts(users, ts, freq);
      const got = new Map<string, number>();
      for (const r of out.toRecords() as unknown as { bucket: Date; user: string; count: number }[]) got.set(`${r.user}|${r.bucket.getTime()}`, r.count);
      expect(out.height).toBe(expected.size);
      expect(got).toEqual(expected);
      expect([...expected.values()].filter((c) => c === 0).length).toBeGreaterThan(0);
      expect(out.columns).toEqual(["bucket", "user", "count"]);
      expect(out.getColumn("count").dtype.equals(pl.UInt32)).toBe(true);
      // sorted by group then time
      const keys = (out.toRecords() as unknown as { bucket: Date; user: string }[]).map((r) => `${r.user}|${String(r.bucket.getTime()).padStart(15, "0")}`);
      expect(keys).toEqual([...keys].sort());
    }
  });

  it("a single series sums to the number of events and is regular", () => {
    const rng = createRng(3);
    const ts = Array.from({ length: 500 }, () => Date.UTC(2024, 0, 1) + rng.int(30 * DAY));
    const out = eventSeries(frame(ts.map(() => "a"), ts), { freq: "hour" });
    expect(out.columns).toEqual(["bucket", "count"]);
    const counts = out.getColumn("count").toArray() as number[];
    expect(counts.reduce((a, b) => a + b, 0)).toBe(500);
    const b = (out.getColumn("bucket").toArray() as unknown as Date[]).map((d) => d.getTime());
    for (let i = 1; i < b.length; i++) expect(b[i] - b[i - 1]).toBe(HOUR);
  });

  it("weeks start on Monday and floorToFreq agrees with calendar arithmetic (also before 1970)", () => {
    expect(floorToFreq(Date.UTC(2024, 2, 6, 15, 30), "week")).toBe(Date.UTC(2024, 2, 4)); // Wed -> Mon 4 March
    expect(floorToFreq(Date.UTC(2024, 2, 4), "week")).toBe(Date.UTC(2024, 2, 4));
    expect(floorToFreq(Date.UTC(2024, 2, 10, 23, 59), "week")).toBe(Date.UTC(2024, 2, 4)); // Sunday
    expect(floorToFreq(Date.UTC(1969, 11, 31, 5), "day")).toBe(Date.UTC(1969, 11, 31));
    expect(floorToFreq(Date.UTC(1969, 11, 31, 5), "week")).toBe(Date.UTC(1969, 11, 29)); // Monday 29 Dec 1969
  });

  it("start/end fix the grid (empty leading and trailing buckets) and exclude events outside", () => {
    const ts = [Date.UTC(2024, 0, 2, 10), Date.UTC(2024, 0, 2, 11), Date.UTC(2024, 0, 4, 1), Date.UTC(2023, 0, 1), Date.UTC(2024, 0, 6)];
    const out = eventSeries(frame(ts.map(() => "a"), ts), { freq: "day", start: "2024-01-01", end: "2024-01-06" });
    expect((out.getColumn("bucket").toArray() as unknown as Date[]).map((d) => d.toISOString().slice(0, 10))).toEqual([
      "2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05",
    ]);
    expect(out.getColumn("count").toArray()).toEqual([0, 2, 0, 1, 0]);
  });

  it("a group without events in the window gets an all-zero series", () => {
    const ts = [Date.UTC(2024, 0, 1, 5), Date.UTC(2024, 0, 2, 5), Date.UTC(2020, 0, 1)];
    const out = eventSeries(frame(["a", "a", "b"], ts), { freq: "day", by: "user", start: "2024-01-01", end: "2024-01-03" });
    expect(out.toRecords().map((r) => [r.user, r.count])).toEqual([["a", 1], ["a", 1], ["b", 0], ["b", 0]]);
  });

  it("local: true buckets by ts_local (UTC+8 moves 20:00 UTC into the next local day)", () => {
    const ts = [Date.UTC(2024, 0, 1, 20), Date.UTC(2024, 0, 1, 10)];
    const df = frame(["a", "a"], ts).withColumns(pl.lit(480).cast(pl.Int32).alias("tz_offset_min"));
    const utc = eventSeries(df, { freq: "day" });
    expect(utc.getColumn("count").toArray()).toEqual([2]);
    const local = eventSeries(addLocalTime(df).frame, { freq: "day", local: true });
    expect((local.getColumn("bucket").toArray() as unknown as Date[]).map((d) => d.toISOString().slice(0, 10))).toEqual(["2024-01-01", "2024-01-02"]);
    expect(local.getColumn("count").toArray()).toEqual([1, 1]);
  });

  it("accepts Datetime columns in other units (strptime gives microseconds)", () => {
    const df = pl.DataFrame({ ts: ["2024-03-01T08:15:00Z", "2024-03-01T10:45:00Z"] }).withColumns(
      pl.col("ts").str.strptime(pl.Datetime("ms"), "%Y-%m-%dT%H:%M:%SZ"),
    );
    const out = eventSeries(df, { freq: "hour" });
    expect(out.getColumn("count").toArray()).toEqual([1, 0, 1]);
  });

  it("fails loudly on bad input", () => {
    const df = frame(["a"], [Date.UTC(2024, 0, 1)]);
    expect(() => eventSeries(df, { freq: "month" as SeriesFreq })).toThrow(/freq must be one of minute, hour, day, week; got "month"/);
    expect(() => eventSeries(df, { local: true })).toThrow(/ts_local.*addLocalTime/);
    expect(() => eventSeries(df.head(0))).toThrow(/the frame is empty.*start and end/);
    expect(eventSeries(df.head(0), { start: "2024-01-01", end: "2024-01-03" }).getColumn("count").toArray()).toEqual([0, 0]);
    expect(() => eventSeries(df, { start: "2024-02-01", end: "2024-01-01" })).toThrow(/end must be after start/);
    expect(() => eventSeries(df, { start: "yesterday" })).toThrow(/start must be a Date/);
    expect(() => eventSeries(df, { by: "city" })).toThrow(/needs column 'city'/);
    expect(() => eventSeries(df, { freq: "minute", start: "2024-01-01", end: "2025-01-01", maxRows: 1000 })).toThrow(/over maxRows = 1000/);
    const nullTs = pl.DataFrame({ ts: [Date.UTC(2024, 0, 1), null] }).withColumns(pl.col("ts").cast(pl.Int64).cast(pl.Datetime("ms")));
    expect(() => eventSeries(nullTs)).toThrow(/1 null value/);
    const nullBy = frame(["a", "b"], [1, 2]).withColumns(pl.when(pl.col("user").eq(pl.lit("b"))).then(pl.lit(null)).otherwise(pl.col("user")).alias("user"));
    expect(() => eventSeries(nullBy, { by: "user" })).toThrow(/null value/);
    expect(() => eventSeries(pl.DataFrame({ ts: [1, 2] }))).toThrow(/needs a Datetime column/);
  });
});
