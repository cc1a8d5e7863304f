import { describe, expect, it } from "vitest";
import pl from "nodejs-polars";
import { EVENT } from "../../src/schema";
import { eventSeries } from "../../src/timeseries/event-series";
import { periodogram } from "../../src/timeseries/periodogram";
import { seriesValues } from "../../src/timeseries/series-values";
import { createRng } from "../../src/util/rng";
import { cleanSample } from "./sample-events";

const fundamentals = (x: ArrayLike<number>, o = {}) => periodogram(x, o).peaks.filter((p) => p.harmonicOf === null);

describe("periodogram", () => {
  const rng = createRng(17);

  it("power equals |DFT|²/n of the detrended series on the padded grid (direct sum oracle)", () => {
    const x = Array.from({ length: 45 }, (_, t) => Math.sin(t / 3) + rng.normal() + 0.05 * t);
    for (const oversample of [1, 3]) {
      const pg = periodogram(x, { oversample, detrend: "mean" });
      const mean = x.reduce((a, b) => a + b, 0) / x.length;
      const L = oversample * x.length;
      expect(pg.frequency.length).toBe(Math.floor(L / 2));
      for (const k of [1, 5, 17, Math.floor(L / 2)]) {
        let re = 0;
        let im = 0;
        x.forEach((v, t) => {
          re += (v - mean) * Math.cos((2 * Math.PI * k * t) / L);
          im -= (v - mean) * Math.sin((2 * Math.PI * k * t) / L);
        });
        expect(pg.frequency[k - 1]).toBeCloseTo(k / L, 14);
        expect(pg.power[k - 1]).toBeCloseTo((re * re + im * im) / x.length, 9);
      }
    }
  });

  it("satisfies Parseval at the Fourier frequencies (oversample 1, mean removed)", () => {
    for (const n of [64, 75]) {
      const x = Array.from({ length: n }, () => rng.normal() * 3 + 1);
      const pg = periodogram(x, { oversample: 1, detrend: "mean" });
      const mean = x.reduce((a, b) => a + b, 0) / n;
      const ss = x.reduce((a, v) => a + (v - mean) ** 2, 0);
      let sum = 0;
      pg.power.forEach((p, i) => (sum += n % 2 === 0 && i === pg.power.length - 1 ? p : 2 * p));
      expect(sum).toBeCloseTo(ss, 8);
    }
  });

  it("a pure sinusoid has one peak carrying the whole sum of squares; an off-grid period is refined", () => {
    const pure = periodogram(Array.from({ length: 100 }, (_, t) => 5 * Math.cos((2 * Math.PI * t) / 10)), { detrend: "mean" });
    // the maximum of I(f) for a real sinusoid is biased by its mirror image at −f: 0.13 % here
    expect(Math.abs(pure.peaks[0].period - 10)).toBeLessThan(0.02);
    expect(pure.peaks[0].share).toBeGreaterThan(0.99);
    expect(pure.peaks[0].share).toBeLessThanOrEqual(1);
    const off = Array.from({ length: 500 }, (_, t) => 2 * Math.sin((2 * Math.PI * t) / 12.5 + 0.3) + rng.normal());
    expect(Math.abs(periodogram(off).peaks[0].period - 12.5)).toBeLessThan(0.05);
  });

  it("flags harmonics of a non-sinusoidal cycle (or drops them) and keeps incommensurate cycles", () => {
    // a sawtooth of period 24: harmonics of amplitude 1/h at periods 24/h = 12, 8, 6 …
    const x = Array.from({ length: 24 * 40 }, (_, t) => (t % 24) / 4 + 0.3 * rng.normal());
    const pg = periodogram(x, { maxPeaks: 6 });
    expect(pg.peaks[0].harmonicOf).toBeNull();
    expect(Math.abs(pg.peaks[0].period - 24)).toBeLessThan(0.02);
    const harmonics = pg.peaks.slice(1);
    for (const p of harmonics) {
      expect(Math.abs(p.harmonicOf! - 24)).toBeLessThan(0.02);
      expect(Math.abs(24 / p.period - Math.round(24 / p.period))).toBeLessThan(0.01);
    }
    const dropped = periodogram(x, { maxPeaks: 6, harmonics: "drop" });
    expect(dropped.peaks.every((p) => p.harmonicOf === null)).toBe(true);
    expect(dropped.peaks.some((p) => Math.abs(p.period - 12) < 0.1)).toBe(false);
    const two = Array.from({ length: 400 }, (_, t) => 3 * Math.sin((2 * Math.PI * t) / 7) + 2 * Math.sin((2 * Math.PI * t) / 30.5) + rng.normal());
    const f = fundamentals(two, { maxPeaks: 2 }).map((p) => p.period);
    expect(Math.abs(f[0] - 7)).toBeLessThan(0.05);
    expect(Math.abs(f[1] - 30.5)).toBeLessThan(0.5);
  });

  it("a constant series has no peaks; bad input fails loudly", () => {
    expect(periodogram([3, 3, 3, 3, 3, 3]).peaks).toEqual([]);
    expect(() => periodogram([1, 2, NaN, 4, 5])).toThrow(/x\[2\] is NaN/);
    expect(() => periodogram([1, 2, 3])).toThrow(/at least 4/);
    expect(() => periodogram([1, 2, 3, 4, 5, 6], { maxPeriod: 10 })).toThrow(/maxPeriod must be in \[minPeriod, n\] = \[2, 6\].*longer than the series/);
    expect(() => periodogram([1, 2, 3, 4, 5, 6], { minPeriod: 1 })).toThrow(/minPeriod must be >= 2/);
    expect(() => periodogram([1, 2, 3, 4, 5, 6], { oversample: 0 })).toThrow(/oversample must be an integer in \[1, 64\]/);
    expect(() => periodogram([1, 2, 3, 4, 5, 6], { harmonics: "keep" as never })).toThrow(/harmonics must be "flag" or "drop"/);
  });
});

describe("periodogram on the cleaned sample (planted daily, weekly and monthly cycles)", () => {
  const { events, truth } = cleanSample();
  const window = { start: truth.window.startLocal, end: truth.window.endLocalExclusive, local: true };
  const hourly = seriesValues(eventSeries(events, { ...window, freq: "hour" })).values;
  const daily = seriesValues(eventSeries(events, { ...window, freq: "day" })).values;

  it("hourly series: 24 h is the top period, 12 h, 6 h, 4 h and 3 h are flagged as its harmonics", () => {
    const pg = periodogram(hourly, { maxPeaks: 15 });
    expect(pg.peaks[0].period).toBeCloseTo(24, 1);
    expect(pg.peaks[0].harmonicOf).toBeNull();
    for (const h of [12, 6, 4, 3]) {
      const p = pg.peaks.find((q) => Math.abs(q.period - h) < 0.05);
      expect(p?.harmonicOf).toBeCloseTo(24, 1);
    }
  });

  it("hourly series: among cycles longer than two days the top period is 168 h (±2 %), the week", () => {
    // the weekly fundamental is weak next to the daily harmonics, so look at the slow part of the spectrum
    const slow = periodogram(hourly, { minPeriod: 48, maxPeaks: 3 });
    expect(Math.abs(slow.peaks[0].period / 168 - 1)).toBeLessThan(0.02);
    // the 28 h and 21 h peaks are the week's sidebands of the day: 1/(1/24 ∓ 1/168)
    const top = periodogram(hourly, { maxPeaks: 25 }).peaks.map((p) => p.period);
    expect(top.some((p) => Math.abs(p - 28) < 0.1)).toBe(true);
  });

  it("daily series: 7 days is the top period and the monthly payday cycle (~30.5 days) the next fundamental", () => {
    const f = fundamentals(daily, { maxPeaks: 6 });
    expect(Math.abs(f[0].period - 7)).toBeLessThan(0.1);
    expect(Math.abs(f[1].period - 30.5)).toBeLessThan(1.5);
  });

  it("buy events alone carry no aggregate monthly cycle (per-user cycles have their own phases)", () => {
    const buys = events.filter(pl.col("event").eq(pl.lit(EVENT.buy)));
    const s = seriesValues(eventSeries(buys, { ...window, freq: "day" })).values;
    const top = periodogram(s, { maxPeaks: 1 }).peaks[0];
    expect(top.share).toBeLessThan(0.1); // no dominant cycle: see repeatCycle for the per-user ones
  });
});
