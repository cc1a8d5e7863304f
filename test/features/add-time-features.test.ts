import pl from "nodejs-polars";
import { describe, expect, it } from "vitest";
import { addTimeFeatures } from "../../src/features/add-time-features";
import { createRng } from "../../src/util/rng";

const U = Date.UTC;

function frameAt(ms: (number | null)[], column = "ts_local"): pl.DataFrame {
  return pl
    .DataFrame({ user: ms.map(() => "a"), item: ms.map(() => "x"), [column]: ms })
    .withColumn(pl.col(column).cast(pl.Float64).cast(pl.Int64).cast(pl.Datetime("ms")));
}

describe("addTimeFeatures", () => {
  it("computes hour, ISO weekday, weekend and part of day by hand", () => {
    const ms = [
      U(2024, 2, 10, 23, 59), // Sunday 23:59 -> 7, weekend, night
      U(2024, 2, 11, 0, 0), // Monday 00:00 -> 1, night
      U(2024, 2, 11, 5, 59), // night
      U(2024, 2, 11, 6, 0), // morning
      U(2024, 2, 13, 11, 59), // Wednesday, morning
      U(2024, 2, 15, 12, 0), // Friday, afternoon
      U(2024, 2, 16, 16, 59), // Saturday, afternoon, weekend
      U(2024, 2, 16, 17, 0), // evening
      U(2024, 2, 16, 21, 59), // evening
      U(2024, 2, 16, 22, 0), // night
      null,
    ];
    const out = addTimeFeatures(frameAt(ms));
    expect(out.getColumn("hour").toArray()).toEqual([23, 0, 5, 6, 11, 12, 16, 17, 21, 22, null]);
    expect(out.getColumn("weekday").toArray()).toEqual([7, 1, 1, 1, 3, 5, 6, 6, 6, 6, null]);
    expect(out.getColumn("is_weekend").toArray()).toEqual([true, false, false, false, false, false, true, true, true, true, null]);
    expect(out.getColumn("part_of_day").toArray()).toEqual([
      "night", "night", "night", "morning", "morning", "afternoon", "afternoon", "evening", "evening", "night", null,
    ]);
  });

  it("matches Date.getUTCDay/getUTCHours on random instants, and honours custom bins and weekend days", () => {
    const rng = createRng(8);
    const ms = Array.from({ length: 500 }, () => U(2000, 0, 1) + Math.floor(rng.next() * 9e11));
    const parts = [
      { from: 0, label: "am" },
      { from: 12, label: "pm" },
    ];
    const out = addTimeFeatures(frameAt(ms, "ts"), { column: "ts", dayParts: parts, weekendDays: [5, 6] });
    const iso = (d: Date) => ((d.getUTCDay() + 6) % 7) + 1;
    expect(out.getColumn("weekday").toArray()).toEqual(ms.map((t) => iso(new Date(t))));
    expect(out.getColumn("hour").toArray()).toEqual(ms.map((t) => new Date(t).getUTCHours()));
    expect(out.getColumn("is_weekend").toArray()).toEqual(ms.map((t) => [5, 6].includes(iso(new Date(t)))));
    expect(out.getColumn("part_of_day").toArray()).toEqual(ms.map((t) => (new Date(t).getUTCHours() < 12 ? "am" : "pm")));
  });

  it("refuses to fall back to UTC silently, and validates bins", () => {
    const utc = frameAt([U(2024, 0, 1)], "ts");
    expect(() => addTimeFeatures(utc)).toThrow(/ts_local/);
    expect(() => addTimeFeatures(utc, { column: "ts", dayParts: [{ from: 1, label: "x" }] })).toThrow(/from = 0/);
    expect(() => addTimeFeatures(utc, { column: "ts", dayParts: [{ from: 0, label: "x" }, { from: 0, label: "y" }] })).toThrow(/increasing/);
    expect(() => addTimeFeatures(utc, { column: "ts", weekendDays: [0] })).toThrow(/weekendDays/);
    expect(() => addTimeFeatures(utc, { column: "user" })).toThrow(/Datetime/);
  });
});
