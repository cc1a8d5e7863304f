import { describe, it, expect } from "vitest";
import { activityOverTimeFigure } from "../../src/viz/activity-over-time";
import { floorDiv, randomRows, roundTrip, toFrame, type Row } from "./random-events";

const HOUR = 3_600_000;
const DAY = 86_400_000;
const WEEK = 7 * DAY;
const MONDAY0 = 4 * DAY; // 1970-01-05 was a Monday

/** Brute force: bucket start (ms) of every row with a time, then zero-filled counts. */
function oracle(rows: Row[], freq: "hour" | "day" | "week", pick: (r: Row) => number | null, keep: (r: Row) => boolean = () => true) {
  const start = (ms: number) =>
    freq === "hour" ? floorDiv(ms, HOUR) * HOUR : freq === "day" ? floorDiv(ms, DAY) * DAY : floorDiv(ms - MONDAY0, WEEK) * WEEK + MONDAY0;
  const step = freq === "hour" ? HOUR : freq === "day" ? DAY : WEEK;
  const all = rows.map(pick).filter((t): t is number => t !== null).map(start);
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const y = new Array((hi - lo) / step + 1).fill(0);
  for (const r of rows) {
    const t = pick(r);
    if (t !== null && keep(r)) y[(start(t) - lo) / step]++;
  }
  const x = y.map((_, i) => {
    const iso = new Date(lo + i * step).toISOString();
    return freq === "hour" ? `${iso.slice(0, 10)} ${iso.slice(11, 19)}` : iso.slice(0, 10);
  });
  return { x, y };
}

describe("activityOverTimeFigure", () => {
  const rows = randomRows(3000, 11);

  it("daily counts equal a brute-force count, with the planted empty days as zeros", () => {
    const fig = activityOverTimeFigure(toFrame(rows), { freq: "day" });
    const want = oracle(rows, "day", (r) => r.ts);
    expect(fig.data).toHaveLength(1);
    expect(fig.data[0].x).toEqual(want.x);
    expect(fig.data[0].y).toEqual(want.y);
    // days 3, 4, 17, 30 after 2024-01-01 have no events
    const y = fig.data[0].y as number[];
    const x = fig.data[0].x as string[];
    expect(y[x.indexOf("2024-01-04")]).toBe(0);
    expect(y[x.indexOf("2024-01-05")]).toBe(0);
    expect(y[x.indexOf("2024-01-31")]).toBe(0);
    expect(y.reduce((a, b) => a + b, 0)).toBe(rows.filter((r) => r.ts !== null).length);
    expect(String((fig.layout.title as { text: string }).text)).toMatch(/rows without time left out/);
  });

  it("hourly and weekly (Monday-start) buckets match too, also across 1970", () => {
    for (const freq of ["hour", "week"] as const) {
      const fig = activityOverTimeFigure(toFrame(rows), { freq });
      const want = oracle(rows, freq, (r) => r.ts);
      expect(fig.data[0].x).toEqual(want.x);
      expect(fig.data[0].y).toEqual(want.y);
    }
    const old = randomRows(500, 3, Date.UTC(1969, 11, 1), 60); // straddles the epoch
    for (const freq of ["hour", "day", "week"] as const) {
      const fig = activityOverTimeFigure(toFrame(old), { freq });
      const want = oracle(old, freq, (r) => r.ts);
      expect(fig.data[0].y).toEqual(want.y);
      expect(fig.data[0].x).toEqual(want.x);
    }
    expect(new Date(Date.parse(`${(activityOverTimeFigure(toFrame(old), { freq: "week" }).data[0].x as string[])[0]}T00:00:00Z`)).getUTCDay()).toBe(1);
  });

  it("prefers ts_local when present; local: false forces UTC ts", () => {
    const withLocal = toFrame(rows, true);
    const localFig = activityOverTimeFigure(withLocal, { freq: "hour" });
    expect(localFig.data[0].y).toEqual(oracle(rows, "hour", (r) => r.tsLocal).y);
    expect(String((localFig.layout.title as { text: string }).text)).toMatch(/local time/);
    const utcFig = activityOverTimeFigure(withLocal, { freq: "hour", local: false });
    expect(utcFig.data[0].y).toEqual(oracle(rows, "hour", (r) => r.ts).y);
    expect(() => activityOverTimeFigure(toFrame(rows), { local: true })).toThrow(/ts_local/);
  });

  it("by: one zero-filled line per top-N group, ranked by total then name", () => {
    const fig = activityOverTimeFigure(toFrame(rows), { freq: "day", by: "category", topN: 4 });
    const totals = new Map<string, number>();
    for (const r of rows) if (r.ts !== null) totals.set(r.category ?? "(missing)", (totals.get(r.category ?? "(missing)") ?? 0) + 1);
    const ranked = [...totals.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([g]) => g);
    expect(fig.data.map((t) => t.name)).toEqual(ranked.slice(0, 4));
    for (const t of fig.data) {
      const want = oracle(rows, "day", (r) => r.ts, (r) => (r.category ?? "(missing)") === t.name);
      expect(t.x).toEqual(want.x); // every line spans the whole range
      expect(t.y).toEqual(want.y);
    }
    expect(String((fig.layout.title as { text: string }).text)).toContain(`top 4 of ${ranked.length} category values`);
  });

  it("is deterministic and round-trips through JSON unchanged", () => {
    const a = activityOverTimeFigure(toFrame(rows), { freq: "day", by: "category" });
    const b = activityOverTimeFigure(toFrame(rows), { freq: "day", by: "category" });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(roundTrip(a)).toStrictEqual(a);
  });

  it("fails loudly on bad options and unusable frames", () => {
    const df = toFrame(rows);
    expect(() => activityOverTimeFigure(df, { freq: "month" as "day" })).toThrow(/freq must be/);
    expect(() => activityOverTimeFigure(df, { by: "nope" })).toThrow(/nope/);
    expect(() => activityOverTimeFigure(df, { topN: 0, by: "category" })).toThrow(/topN/);
    expect(() => activityOverTimeFigure(df, { freq: "hour", maxBuckets: 10 })).toThrow(/maxBuckets=10/);
    expect(() => activityOverTimeFigure(df.drop("ts"))).toThrow(/column 'ts'/);
    expect(() => activityOverTimeFigure(df.head(0))).toThrow(/no event has a timestamp/);
  });
});
