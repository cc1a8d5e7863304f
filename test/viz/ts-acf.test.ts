import { describe, it, expect } from "vitest";
import { acf, pacf, type AcfResult } from "../../src/timeseries/acf";
import { createRng } from "../../src/util/rng";
import { tsAcfFigure, tsAcfPacfFigure } from "../../src/viz/ts-acf";
import { roundTrip } from "./random-events";

type T = Record<string, any>;

/** Seeded AR(1) with φ = 0.7 plus a period-7 bump: lags 1 and 7 stand out. */
function ar1(n: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const y = new Float64Array(n);
  for (let t = 1; t < n; t++) y[t] = 0.7 * y[t - 1] + rng.normal() + (t % 7 === 0 ? 2 : 0);
  return y;
}

const subtitle = (fig: { layout: T }): string => String((fig.layout as T).title.text);

describe("tsAcfFigure", () => {
  it("hand-made result: stems = values, band = ±band at lags >= 1, significant lags in the subtitle", () => {
    const n = 43;
    const b = 1.959963984540054 / Math.sqrt(n); // 0.2989: the white-noise 95 % band z/√n
    const r: AcfResult = { lags: Int32Array.of(0, 1, 2, 3), values: Float64Array.of(1, 0.5, -0.2, -0.31), band: Float64Array.of(NaN, b, b, b), significant: [1, 3], n };
    const fig = tsAcfFigure(r);
    const [stems, up, down] = fig.data as T[];
    expect(stems.type).toBe("bar");
    expect(stems.x).toEqual([0, 1, 2, 3]);
    expect(stems.y).toEqual([1, 0.5, -0.2, -0.31]);
    expect(up.x).toEqual([1, 2, 3]);
    expect(up.y).toEqual([b, b, b]);
    expect(down.y).toEqual([-b, -b, -b]);
    expect(up.line.dash).toBe("dash");
    expect(subtitle(fig)).toMatch(/^ACF/);
    expect(subtitle(fig)).toContain("significant lags 1, 3");
    expect(subtitle(fig)).toContain("n = 43, ±95 % band");
    expect(roundTrip(fig)).toStrictEqual(fig);
  });

  it("real ACF and PACF of a seeded AR(1): every stem and band width equals the result", () => {
    const y = ar1(300, 7);
    for (const [r, kind, first] of [[acf(y, { maxLag: 21 }), "ACF", 0], [pacf(y, { maxLag: 21 }), "PACF", 1]] as const) {
      const fig = tsAcfFigure(r, { lagTitle: "lag (days)" });
      const [stems, up, down] = fig.data as T[];
      expect(stems.x[0]).toBe(first);
      expect(stems.y).toEqual(Array.from(r.values));
      const bandIdx = Array.from(r.lags).map((l, i) => (l > 0 ? i : -1)).filter((i) => i >= 0);
      expect(up.y).toEqual(bandIdx.map((i) => r.band[i]));
      expect(down.y).toEqual(bandIdx.map((i) => -r.band[i]));
      // brute-force significance: |value| > band
      const sig = bandIdx.filter((i) => Math.abs(r.values[i]) > r.band[i]).map((i) => r.lags[i]);
      expect(sig).toContain(1);
      expect(subtitle(fig)).toContain(`significant lags ${sig.slice(0, 12).join(", ")}`);
      expect(subtitle(fig)).toMatch(new RegExp(`^${kind}<br>`));
      expect((fig.layout as T).xaxis.title.text).toBe("lag (days)");
      expect(roundTrip(fig)).toStrictEqual(fig);
    }
  });

  it("states the band level from ci and recognises Bartlett's widening band", () => {
    const y = ar1(200, 3);
    expect(subtitle(tsAcfFigure(acf(y, { maxLag: 10, ci: 0.9 })))).toContain("±90 % band");
    const bart = acf(y, { maxLag: 10, band: "bartlett" });
    const fig = tsAcfFigure(bart);
    expect(subtitle(fig)).toContain("Bartlett");
    expect((fig.data[1] as T).y).toEqual(Array.from(bart.band).slice(1));
  });

  it("rejects results whose arrays differ in length", () => {
    const bad = { lags: Int32Array.of(0, 1), values: Float64Array.of(1), band: Float64Array.of(NaN, 0.2), significant: [], n: 50 };
    expect(() => tsAcfFigure(bad)).toThrow("tsAcfFigure: result has 2 lags, 1 values and 2 band widths; they must match");
  });
});

describe("tsAcfPacfFigure", () => {
  it("ACF on the left axes, PACF on x2/y2 with a matched y scale; numbers equal the inputs", () => {
    const y = ar1(240, 11);
    const a = acf(y, { maxLag: 15 });
    const p = pacf(y, { maxLag: 15 });
    const fig = tsAcfPacfFigure(a, p);
    expect(fig.data).toHaveLength(6);
    expect((fig.data[0] as T).y).toEqual(Array.from(a.values));
    expect((fig.data[3] as T).y).toEqual(Array.from(p.values));
    expect((fig.data[3] as T).xaxis).toBe("x2");
    expect((fig.data[4] as T).y).toEqual(Array.from(p.band));
    expect((fig.data[4] as T).showlegend).toBe(false);
    expect((fig.layout as T).yaxis2.matches).toBe("y");
    expect((fig.layout as T).xaxis.domain[1]).toBeLessThan((fig.layout as T).xaxis2.domain[0]);
    expect(roundTrip(fig)).toStrictEqual(fig);
  });

  it("refuses an ACF and a PACF of different series", () => {
    expect(() => tsAcfPacfFigure(acf(ar1(100, 1)), pacf(ar1(120, 1)))).toThrow(/acf.n \(100\) and pacf.n \(120\) differ/);
  });
});
