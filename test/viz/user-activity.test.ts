import { describe, it, expect } from "vitest";
import { userActivityFigure } from "../../src/viz/user-activity";
import { randomRows, roundTrip, toFrame } from "./random-events";

/** Expands the staircase back to one value per rank. */
function expand(x: number[], y: number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < x.length; i += 2) {
    expect(y[i]).toBe(y[i + 1]);
    expect(x[i]).toBe(out.length + 1); // steps are contiguous
    for (let r = x[i]; r <= x[i + 1]; r++) out.push(y[i]);
  }
  return out;
}

describe("userActivityFigure", () => {
  const rows = randomRows(3000, 31);

  it("the rank–frequency staircase equals the brute-force sorted counts per user", () => {
    const fig = userActivityFigure(toFrame(rows));
    const counts = new Map<string, number>();
    for (const r of rows) if (r.user !== null) counts.set(r.user, (counts.get(r.user) ?? 0) + 1);
    const sorted = [...counts.values()].sort((a, b) => b - a);
    const t = fig.data[0] as { x: number[]; y: number[] };
    expect(expand(t.x, t.y)).toEqual(sorted);
    expect(t.x.length).toBe(2 * new Set(sorted).size);
    expect((fig.layout.xaxis as { type: string }).type).toBe("log");
    expect((fig.layout.yaxis as { type: string }).type).toBe("log");
    const title = String((fig.layout.title as { text: string }).text);
    const events = sorted.reduce((a, b) => a + b, 0);
    expect(title).toContain(`${sorted.length} users, ${events.toLocaleString("en-US")} events`);
    const top = sorted.slice(0, Math.ceil(sorted.length / 10)).reduce((a, b) => a + b, 0);
    expect(title).toContain(`top 10% of users make ${((100 * top) / events).toFixed(1)}% of events`);
    expect(title).toContain(`${rows.length - events} rows with null user left out`);
  });

  it("hand-computed tiny case: counts 3,1,1,1 → median 1, steps (1..1 at 3), (2..4 at 1)", () => {
    const tiny = [
      ...["a", "a", "a", "b", "c", "d"].map((u) => ({ user: u })),
    ].map((r, i) => ({ ...r, item: "i", ts: i * 1000, tsLocal: null, category: null, lat: null, lon: null }));
    const fig = userActivityFigure(toFrame(tiny));
    expect(fig.data[0].x).toEqual([1, 1, 2, 4]);
    expect(fig.data[0].y).toEqual([3, 3, 1, 1]);
    expect(String((fig.layout.title as { text: string }).text)).toContain("median 1, max 3 per user");
  });

  it("works on items too, round-trips through JSON, and fails on a missing column", () => {
    const fig = userActivityFigure(toFrame(rows), { column: "item" });
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r.item, (counts.get(r.item) ?? 0) + 1);
    expect(expand(fig.data[0].x as number[], fig.data[0].y as number[])).toEqual([...counts.values()].sort((a, b) => b - a));
    expect(roundTrip(fig)).toStrictEqual(fig);
    expect(() => userActivityFigure(toFrame(rows).drop("user"))).toThrow(/column 'user'/);
  });
});
