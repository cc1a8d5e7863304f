import pl from "nodejs-polars";
import { describe, expect, it } from "vitest";
import { addLocalTime } from "../../src/clean/add-local-time";
import { zoneLocalMs, zoneOffsetMinutes } from "../../src/clean/zone-offset";
import { createRng } from "../../src/util/rng";
import { frameOf, rowsOf } from "./fixtures";

const U = Date.UTC;
const MIN = 60_000;

function localOf(df: pl.DataFrame): (number | null)[] {
  return (df.getColumn("ts_local").toArray() as unknown as (Date | null)[]).map((d) => (d === null ? null : d.getTime()));
}

describe("addLocalTime", () => {
  it("adds tz_offset_min to UTC and reports rows left null by reason", () => {
    const t = U(2024, 5, 1, 12, 0);
    const df = frameOf(
      [
        { user: "a", item: "x", ts: t, tz_offset_min: 120 },
        { user: "a", item: "x", ts: t, tz_offset_min: -300 },
        { user: "a", item: "x", ts: t, tz_offset_min: null },
        { user: "a", item: "x", ts: t, tz_offset_min: 900 }, // beyond +14 h
        { user: "a", item: "x", ts: t, tz_offset_min: 330 },
      ],
      ["tz_offset_min"],
    );
    const { frame, report, leftNull } = addLocalTime(df);
    expect(localOf(frame)).toEqual([U(2024, 5, 1, 14), U(2024, 5, 1, 7), null, null, U(2024, 5, 1, 17, 30)]);
    expect(frame.getColumn("ts_local").dtype.variant).toBe("Datetime");
    expect(leftNull).toEqual({ missing_tz_offset: 1, tz_offset_out_of_range: 1 });
    expect(report[0]).toEqual({ step: "addLocalTime", reason: "local_time_offset", rowsIn: 5, rowsOut: 5, valuesChanged: 3 });
    expect(report.slice(1).map((r) => r.reason)).toEqual(["missing_tz_offset", "tz_offset_out_of_range"]);
    expect(rowsOf(frame).length).toBe(5);
  });

  it("is DST-correct for an IANA zone (America/New_York, 2024-03-10 and 2024-11-03)", () => {
    const cases: [number, number][] = [
      [U(2024, 2, 10, 6, 59), U(2024, 2, 10, 1, 59)], // EST, UTC-5
      [U(2024, 2, 10, 7, 0), U(2024, 2, 10, 3, 0)], // EDT from 07:00 UTC: 02:00-02:59 local never happens
      [U(2024, 2, 10, 7, 30), U(2024, 2, 10, 3, 30)],
      [U(2024, 10, 3, 5, 59), U(2024, 10, 3, 1, 59)], // EDT, UTC-4
      [U(2024, 10, 3, 6, 0), U(2024, 10, 3, 1, 0)], // EST again: 01:00-01:59 local happens twice
      [U(2024, 0, 15, 12, 0), U(2024, 0, 15, 7, 0)],
      [U(2024, 6, 15, 12, 0), U(2024, 6, 15, 8, 0)],
    ];
    const df = frameOf(cases.map(([ts]) => ({ user: "a", item: "x", ts })));
    const { frame, report } = addLocalTime(df, { from: "zone", zone: "America/New_York" });
    expect(localOf(frame)).toEqual(cases.map(([, local]) => local));
    expect(report[0].valuesChanged).toBe(cases.length);
  });

  it("resolves a transition inside an hour (Australia/Lord_Howe, +10:30 -> +11:00 at 15:30 UTC)", () => {
    const ts = [U(2024, 9, 5, 15, 29), U(2024, 9, 5, 15, 31), U(2024, 9, 5, 15, 0)];
    const out = zoneLocalMs(Float64Array.from(ts), "Australia/Lord_Howe");
    expect(Array.from(out)).toEqual([U(2024, 9, 6, 1, 59), U(2024, 9, 6, 2, 31), U(2024, 9, 6, 1, 30)]);
  });

  it("matches a per-row Intl lookup on random instants across DST seasons", () => {
    const rng = createRng(3);
    const ts = Float64Array.from({ length: 500 }, () => U(2023, 0, 1) + Math.floor(rng.next() * 730) * 86_400_000 + rng.int(86_400) * 1000);
    for (const zone of ["Europe/Berlin", "America/Sao_Paulo", "Asia/Kolkata", "Australia/Lord_Howe"]) {
      const offset = zoneOffsetMinutes(zone);
      const expected = Array.from(ts, (t) => t + offset(t) * MIN);
      expect(Array.from(zoneLocalMs(ts, zone))).toEqual(expected);
    }
  });

  it("approximates local time from longitude by solar time, round(lon / 15) hours", () => {
    const t = U(2024, 5, 1, 12, 0);
    const df = frameOf(
      [
        { user: "a", item: "x", ts: t, lon: -74.0 }, // -4.93 -> -5 h
        { user: "a", item: "x", ts: t, lon: 2.35 }, // 0.16 -> 0 h
        { user: "a", item: "x", ts: t, lon: 7.5 }, // 0.5 -> 1 h (Math.round)
        { user: "a", item: "x", ts: t, lon: 139.7 }, // 9.31 -> 9 h
        { user: "a", item: "x", ts: t, lon: null },
        { user: "a", item: "x", ts: t, lon: 200 },
      ],
      ["lon"],
    );
    const { frame, leftNull, report } = addLocalTime(df, { from: "solar" });
    expect(localOf(frame)).toEqual([U(2024, 5, 1, 7), U(2024, 5, 1, 12), U(2024, 5, 1, 13), U(2024, 5, 1, 21), null, null]);
    expect(leftNull).toEqual({ missing_lon: 1, lon_out_of_range: 1 });
    expect(report[0]).toMatchObject({ reason: "local_time_solar", valuesChanged: 4 });
  });

  it("leaves null timestamps null and counts them", () => {
    const df = pl
      .DataFrame({ user: ["a", "b"], item: ["x", "x"], ts: [U(2024, 0, 1), null], tz_offset_min: [60, 60] })
      .withColumn(pl.col("ts").cast(pl.Datetime("ms")));
    const { frame, leftNull } = addLocalTime(df);
    expect(localOf(frame)).toEqual([U(2024, 0, 1, 1), null]);
    expect(leftNull).toEqual({ missing_ts: 1 });
  });

  it("fails loudly on a bad zone, a missing zone or a missing column", () => {
    const df = frameOf([{ user: "a", item: "x", ts: 0 }]);
    expect(() => addLocalTime(df, { from: "zone", zone: "Mars/Olympus" })).toThrow(/zone/);
    expect(() => addLocalTime(df, { from: "zone" })).toThrow(/zone/);
    expect(() => addLocalTime(df)).toThrow(/tz_offset_min/);
    expect(() => addLocalTime(df, { from: "moon" as never })).toThrow(/from/);
  });
});
