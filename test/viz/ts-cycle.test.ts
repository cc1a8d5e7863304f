import { describe, it, expect } from "vitest";
import pl from "nodejs-polars";
import { repeatCycle } from "../../src/timeseries/repeat-cycle";
import { createRng } from "../../src/util/rng";
import { tsCycleFigure } from "../../src/viz/ts-cycle";
import { roundTrip } from "./random-events";

type T = Record<string, any>;
const DAY = 86_400_000;

describe("tsCycleFigure", () => {
  it("hand-computed bins and regular/irregular split; rows without period or cv are counted", () => {
    const df = pl.DataFrame({
      user: ["a", "b", "c", "d", "e", "f"],
      median_days: [1, 1.5, 7, 7.2, 30, null],
      cv: [0.1, 0.8, 0.2, NaN, 0.6, 0.1],
    });
    const fig = tsCycleFigure(df, { binDays: 7 });
    const [reg, irr] = fig.data as T[];
    expect(reg.name).toBe("regular (cv < 0.5)");
    expect(irr.name).toBe("irregular (cv ≥ 0.5)");
    // max 30 days → bins [0,7) … [28,35); regular: 1 → bin 0, 7 → bin 1; irregular: 1.5 → bin 0, 30 → bin 4
    expect(reg.x).toEqual([3.5, 10.5, 17.5, 24.5, 31.5]);
    expect(reg.y).toEqual([1, 1, 0, 0, 0]);
    expect(irr.y).toEqual([1, 0, 0, 0, 1]);
    expect(reg.width).toBe(7);
    expect(reg.customdata[4]).toEqual([28, 35]);
    const sub = String((fig.layout as T).title.text);
    expect(sub).toContain("4 rows, 2 regular (cv < 0.5, 50 %)");
    expect(sub).toContain("median regular period 4 days");
    expect(sub).toContain("1 without a period left out");
    expect(sub).toContain("1 without a cv left out");
    expect((fig.layout as T).barmode).toBe("stack");
    expect(roundTrip(fig)).toStrictEqual(fig);
    // a stricter threshold moves c (cv 0.2) to irregular
    expect((tsCycleFigure(df, { binDays: 7, maxCv: 0.15 }).data[0] as T).y).toEqual([1, 0, 0, 0, 0]);
  });

  it("counts per bin equal a brute-force count on a real repeatCycle frame", () => {
    const rng = createRng(17);
    const rows: { user: string; item: string; ts: number; event: string }[] = [];
    for (let u = 0; u < 80; u++) {
      const regular = u % 3 !== 0;
      const period = 3 + rng.int(40);
      let t = Date.UTC(2024, 0, 1) + rng.int(30) * DAY;
      for (let k = 0; k < 6; k++) {
        rows.push({ user: `u${String(u).padStart(2, "0")}`, item: "i1", ts: t, event: "buy" });
        t += regular ? period * DAY + rng.int(DAY / 4) : rng.exponential(1 / period) * DAY;
      }
    }
    const events = pl
      .DataFrame({ user: rows.map((r) => r.user), item: rows.map((r) => r.item), ts: rows.map((r) => r.ts), event: rows.map((r) => r.event) })
      .withColumns(pl.col("ts").cast(pl.Int64).cast(pl.Datetime("ms")));
    const cycles = repeatCycle(events);
    expect(cycles.height).toBe(80);
    const fig = tsCycleFigure(cycles);
    const [reg, irr] = fig.data as T[];
    const periods = cycles.getColumn("median_days").toArray() as number[];
    const cvs = cycles.getColumn("cv").toArray() as number[];
    const w = reg.width as number;
    const maxP = Math.max(...periods);
    expect(w).toBe([1, 2, 7, 14, 30].find((c) => Math.floor(maxP / c) + 1 <= 60)); // the auto width: at most 60 bins
    const nBins = Math.floor(Math.max(...periods) / w) + 1;
    const brute = [new Array(nBins).fill(0), new Array(nBins).fill(0)];
    periods.forEach((p, i) => brute[cvs[i] < 0.5 ? 0 : 1][Math.floor(p / w)]++);
    expect(reg.y).toEqual(brute[0]);
    expect(irr.y).toEqual(brute[1]);
    expect(reg.y.reduce((a: number, b: number) => a + b, 0)).toBeGreaterThan(40); // the planted regular users
  });

  it("reads a periodicPatterns-style frame (period_days, regularity = 1 − cv)", () => {
    const df = pl.DataFrame({ user: ["a", "b", "c"], period_days: [7, 14, 21], regularity: [0.9, 0.3, 0.5] });
    const fig = tsCycleFigure(df, { binDays: 7 });
    expect((fig.data[0] as T).name).toBe("regular (regularity > 0.5)");
    expect((fig.data[0] as T).y).toEqual([0, 1, 0, 0]);
    expect((fig.data[1] as T).y).toEqual([0, 0, 1, 1]);
  });

  it("auto bin width grows with the longest period", () => {
    const df = pl.DataFrame({ median_days: [1, 400], cv: [0.1, 0.1] });
    expect((tsCycleFigure(df).data[0] as T).width).toBe(7); // 400/1 and 400/2 need over 60 bins; 400/7 → 58 bins
  });

  it("rejects missing columns, negative periods and bad options", () => {
    expect(() => tsCycleFigure(pl.DataFrame({ days: [1], cv: [0.1] }))).toThrow(/no period column \(looked for period_days, median_days/);
    expect(() => tsCycleFigure(pl.DataFrame({ median_days: [-1], cv: [0.1] }))).toThrow(/negative period -1 at row 0/);
    expect(() => tsCycleFigure(pl.DataFrame({ median_days: [null], cv: [0.1] }))).toThrow(/no row has both a period and a cv/);
    expect(() => tsCycleFigure(pl.DataFrame({ median_days: [1], cv: [0.1] }), { maxCv: 0 })).toThrow(/maxCv must be > 0/);
    expect(() => tsCycleFigure(pl.DataFrame({ median_days: [1], cv: [0.1] }), { binDays: -2 })).toThrow(/binDays must be > 0/);
  });
});
