import { beforeAll, describe, expect, it } from "vitest";
import type pl from "nodejs-polars";
import { formatEventsCsv } from "../../src/generate/events-csv";
import { generateEvents } from "../../src/generate/generate-events";
import type { GroundTruth } from "../../src/generate/truth";
import * as O from "./oracle";

// One default run shared by the pattern tests (the same run as the committed sample).
let frame: pl.DataFrame;
let truth: GroundTruth;
let rows: O.Row[];
let valid: O.Row[];
let kinds: string[];
let flagsPerRow: number[];

beforeAll(() => {
  ({ frame, truth } = generateEvents());
  rows = O.frameRows(frame);
  ({ kinds, flagsPerRow } = O.classifyRows(rows, truth));
  valid = rows.filter((_, i) => kinds[i] === "");
});

describe("generateEvents: determinism and shape", () => {
  it("gives identical CSV bytes and truth for the same seed, different ones for another seed", () => {
    const a = generateEvents({ seed: 7 });
    const b = generateEvents({ seed: 7 });
    const c = generateEvents({ seed: 8 });
    const csvA = formatEventsCsv(a.frame);
    expect(formatEventsCsv(b.frame)).toBe(csvA);
    expect(JSON.stringify(b.truth)).toBe(JSON.stringify(a.truth));
    expect(formatEventsCsv(c.frame)).not.toBe(csvA);
    expect(formatEventsCsv(frame)).not.toBe(csvA);
  });

  it("has the canonical columns and dtypes", () => {
    expect(frame.columns).toEqual(["user", "item", "ts", "event", "category", "lat", "lon", "tz_offset_min", "text"]);
    const dt = Object.fromEntries(Object.entries(frame.schema).map(([k, v]) => [k, String(v)]));
    expect(dt.user).toContain("String");
    expect(dt.item).toContain("String");
    expect(dt.ts).toContain("Datetime");
    expect(dt.ts).toContain("ms");
    expect(dt.lat).toContain("Float64");
    expect(dt.tz_offset_min).toContain("Int32");
    expect(new Set(frame.getColumn("tz_offset_min").toArray())).toEqual(new Set([480]));
    expect(new Set(rows.map((r) => r.event))).toEqual(new Set(["check-in", "buy"]));
  });

  it("sorts rows by ts, then user, then item", () => {
    for (let i = 1; i < rows.length; i++) {
      const a = rows[i - 1];
      const b = rows[i];
      const ok = a.ts < b.ts || (a.ts === b.ts && (a.user < b.user || (a.user === b.user && a.item <= b.item)));
      if (!ok) throw new Error(`rows ${i - 1} and ${i} out of order`);
    }
  });

  it("is about the planned size: 40–60k rows over ~6 months", () => {
    expect(frame.height).toBeGreaterThan(40_000);
    expect(frame.height).toBeLessThan(60_000);
    expect(truth.counts.rows).toBe(frame.height);
    expect(truth.window).toMatchObject({ startLocal: "2024-03-01", endLocalExclusive: "2024-09-01", startUtc: "2024-02-29T16:00:00Z", endUtc: "2024-08-31T16:00:00Z" });
  });

  it("writes every valid row's item attributes exactly as in truth.pois", () => {
    const pois = new Map(truth.pois.map((p) => [p.item, p]));
    for (const r of valid) {
      const p = pois.get(r.item)!;
      expect([r.category, r.lat, r.lon, r.text]).toEqual([p.category, p.lat, p.lon, p.name]);
    }
  });

  it("with dirty: false has no dirty rows, and its rows are the dirty run's valid + corrupted-in-place rows", () => {
    const clean = generateEvents({ dirty: false });
    const cleanRows = O.frameRows(clean.frame);
    const c = O.classifyRows(cleanRows, clean.truth);
    expect(c.kinds.every((k) => k === "")).toBe(true);
    expect(clean.truth.dirty.total).toBe(0);
    const d = truth.dirty.counts;
    const inPlace = d.missing_coordinates + d.missing_category + d.lat_out_of_range + d.lon_out_of_range + d.ts_before_start + d.ts_after_end;
    expect(clean.frame.height).toBe(truth.counts.valid + inPlace);
    // real users keep their ids and their clean events
    const key = (r: O.Row) => `${r.user}|${r.item}|${r.ts}|${r.event}`;
    const cleanKeys = new Set(cleanRows.map(key));
    expect(valid.every((r) => cleanKeys.has(key(r)))).toBe(true);
  });
});

describe("generateEvents: dirty rows match the truth", () => {
  it("counts every dirty kind exactly as truth.dirty.counts, one kind per row", () => {
    const counts: Record<string, number> = {};
    kinds.forEach((k) => {
      if (k) counts[k] = (counts[k] ?? 0) + 1;
    });
    for (const [k, n] of Object.entries(truth.dirty.counts)) {
      expect(n, k).toBeGreaterThan(0);
      expect(counts[k] ?? 0, k).toBe(n);
    }
    expect(Math.max(...flagsPerRow)).toBe(1);
    expect(rows.length - valid.length).toBe(truth.dirty.total);
    expect(valid.length).toBe(truth.counts.valid);
  });

  it("has exact duplicates = rows − distinct rows, and ts defects in 1970/2023 and 2099", () => {
    expect(rows.length - new Set(rows.map((r) => JSON.stringify(r))).size).toBe(truth.dirty.counts.exact_duplicate);
    const years = new Set(rows.filter((r) => r.ts < Date.parse(truth.window.startUtc) || r.ts >= Date.parse(truth.window.endUtc)).map((r) => new Date(r.ts).getUTCFullYear()));
    expect([...years].sort()).toEqual([1970, 2023, 2099]);
  });

  it("makes the bots far more active per active day than any real user", () => {
    const events = new Map<string, number>();
    const days = new Map<string, Set<string>>();
    for (const r of rows) {
      events.set(r.user, (events.get(r.user) ?? 0) + 1);
      if (!days.has(r.user)) days.set(r.user, new Set());
      days.get(r.user)!.add(O.local(r.ts, truth).date);
    }
    const perDay = (u: string) => events.get(u)! / days.get(u)!.size;
    const bots = new Set(truth.dirty.bots.map((b) => b.user));
    const maxReal = Math.max(...[...events.keys()].filter((u) => !bots.has(u)).map(perDay));
    for (const b of truth.dirty.bots) {
      expect(events.get(b.user)).toBe(b.events);
      expect(days.get(b.user)!.size).toBe(b.days);
      expect(perDay(b.user)).toBeGreaterThan(10 * maxReal);
    }
  });
});

describe("generateEvents: planted patterns are measurable", () => {
  it("peaks the local hour-of-day histogram at the planted hours", () => {
    const h = O.hourShares(valid, truth);
    expect(O.topPeaks(h.weekday, 3)).toEqual(truth.rhythm.peakHours.weekday);
    expect(O.topPeaks(h.weekend, 3)).toEqual(truth.rhythm.peakHours.weekend);
    h.weekday.forEach((x, i) => expect(x).toBeCloseTo(truth.rhythm.realised.hourShareWeekday[i], 5));
    // the morning commute is a weekday thing
    expect(h.weekday[8]).toBeGreaterThan(5 * h.weekend[8]);
  });

  it("shows the weekly cycle: weekend / weekday volume ≈ planted factors (±10 %)", () => {
    const daily = O.dailyCounts(valid, truth);
    const { anomaly, payday } = O.specialDays(truth);
    const sums = new Array<number>(7).fill(0);
    const n = new Array<number>(7).fill(0);
    const start = Date.parse(truth.window.startUtc);
    daily.forEach((c, d) => {
      if (anomaly.has(d) || payday.has(d)) return;
      const dow = O.local(start + d * 86_400_000 + 3_600_000, truth).dow;
      sums[dow] += c;
      n[dow]++;
    });
    const mean = sums.map((s, k) => s / n[k]);
    mean.forEach((m, k) => expect(m).toBeCloseTo(truth.rhythm.realised.meanDailyByWeekday[k], 4));
    const f = truth.rhythm.weekdayFactors;
    const planted = (f[5] + f[6]) / 2 / ((f[0] + f[1] + f[2] + f[3] + f[4]) / 5);
    const observed = (mean[5] + mean[6]) / 2 / ((mean[0] + mean[1] + mean[2] + mean[3] + mean[4]) / 5);
    expect(Math.abs(observed / planted - 1)).toBeLessThan(0.1);
    expect(mean[5]).toBeGreaterThan(mean[0]);
  });

  it("recovers every cyclic user's purchase period from the buy events within ±2 days", () => {
    const est = O.purchasePeriods(valid);
    const cyclic = truth.users.filter((u) => u.purchaseCycle);
    expect(cyclic.length).toBe(truth.monthly.purchaseCycle.users);
    expect(cyclic.length).toBeGreaterThan(100);
    for (const u of cyclic) {
      const e = est.get(u.user)!;
      expect(e.item, u.user).toBe(u.purchaseCycle!.item);
      expect(e.buys).toBe(u.purchaseCycle!.buyDates.length);
      expect(Math.abs(e.periodDays - u.purchaseCycle!.periodDays), u.user).toBeLessThanOrEqual(truth.monthly.purchaseCycle.toleranceDays);
    }
  });

  it("shows the payday bump: payday days / weekly-seasonal median ≈ planted factor (±0.1)", () => {
    const daily = O.dailyCounts(valid, truth);
    const { anomaly, payday } = O.specialDays(truth);
    const skip = new Set([...anomaly, ...payday]);
    const ratios = [...payday].filter((d) => !anomaly.has(d)).map((d) => daily[d] / O.baseline(daily, d, 4, skip));
    const mean = ratios.reduce((s, x) => s + x, 0) / ratios.length;
    expect(mean).toBeCloseTo(truth.monthly.payday.realisedRatio, 5);
    expect(Math.abs(mean - truth.monthly.payday.factor)).toBeLessThan(0.1);
  });

  it("has each planted sequence A → B with confidence within tolerance of the planted probability", () => {
    truth.sequenceRules.forEach((rule, k) => {
      const m = O.sequenceRule(valid, truth, k);
      expect(m.n).toBe(rule.realised.antecedentCount);
      expect(m.confidence).toBeCloseTo(rule.realised.confidence, 5);
      expect(Math.abs(m.confidence - rule.probability), rule.id).toBeLessThanOrEqual(rule.tolerance);
      expect(m.lift, rule.id).toBeGreaterThan(3);
    });
  });

  it("has each planted context rule with the stated confidence (± tolerance) and lift", () => {
    truth.contextRules.forEach((rule, k) => {
      const m = O.contextRule(valid, truth, k);
      expect(m.n).toBe(rule.realised.antecedentCount);
      expect(m.confidence).toBeCloseTo(rule.realised.confidence, 5);
      expect(m.lift).toBeCloseTo(rule.realised.lift, 4);
      expect(Math.abs(m.confidence - rule.confidence), rule.id).toBeLessThanOrEqual(rule.tolerance);
      expect(m.lift, rule.id).toBeGreaterThan(3);
    });
  });

  it("makes the anomaly days deviate from the weekly-seasonal median by the planted factor, and no other day", () => {
    const daily = O.dailyCounts(valid, truth);
    const { anomaly, payday } = O.specialDays(truth);
    const skip = new Set([...anomaly, ...payday]);
    expect(anomaly.size).toBe(truth.anomalies.length);
    expect(truth.anomalies.map((a) => a.kind).sort()).toEqual(["outage", "spike", "spike", "spike"]);
    const extreme: number[] = [];
    daily.forEach((c, d) => {
      const ratio = c / O.baseline(daily, d, 4, skip);
      if (ratio > 1.8 || ratio < 0.5) extreme.push(d);
    });
    expect(new Set(extreme)).toEqual(anomaly);
    for (const a of truth.anomalies) {
      const d = O.local(Date.parse(`${a.date}T00:00:00Z`) - truth.window.tzOffsetMin * 60_000, truth).day;
      const ratio = daily[d] / O.baseline(daily, d, 4, skip);
      expect(ratio).toBeCloseTo(a.realised.ratio, 5);
      if (a.kind === "spike") expect(Math.abs(ratio / a.factor - 1), a.date).toBeLessThanOrEqual(a.tolerance.relative);
      else expect(Math.abs(ratio - a.factor), a.date).toBeLessThanOrEqual(0.1);
    }
  });

  it("shows the drift: Gym share jumps after the step date, Cinema fades", () => {
    const [gym, cinema] = truth.drift;
    const checkIns = valid.filter((r) => r.event === "check-in");
    const share = (cat: string, from: number, to: number) => {
      const xs = checkIns.filter((r) => {
        const d = O.local(r.ts, truth).day;
        return d >= from && d < to;
      });
      return xs.filter((r) => r.category === cat).length / xs.length;
    };
    const step = O.local(Date.parse(`${gym.date}T00:00:00Z`) - 8 * 3_600_000, truth).day;
    const before = share("Gym", 0, step);
    const after = share("Gym", step, truth.window.days);
    expect(before).toBeCloseTo(gym.realised.shareBefore, 5);
    expect(after / before).toBeGreaterThan(1.5);
    const days = truth.window.days;
    expect(share("Cinema", days - 30, days) / share("Cinema", 0, 30)).toBeLessThan(0.75);
  });

  it("puts every POI in its region's disc only, and ranks Riverside as the densest hotspot", () => {
    const km = (a: { lat: number; lon: number }, b: { lat: number; lon: number }) => {
      const rad = Math.PI / 180;
      const h = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
      return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
    };
    for (const p of truth.pois) {
      const inside = truth.regions.filter((r) => km(p, r) <= r.radiusKm * 1.01).map((r) => r.name);
      expect(inside, p.item).toEqual([p.region]);
    }
    const perRegion = new Map<string, number>();
    const region = new Map(truth.pois.map((p) => [p.item, p.region]));
    for (const r of valid) perRegion.set(region.get(r.item)!, (perRegion.get(region.get(r.item)!) ?? 0) + 1);
    const density = truth.regions.map((r) => ({ name: r.name, d: perRegion.get(r.name)! / (Math.PI * r.radiusKm ** 2) })).sort((a, b) => b.d - a.d);
    expect(density[0].name).toBe("Riverside");
    expect(truth.hotspots.map((h) => h.region)).toEqual(density.map((x) => x.name));
  });

  it("has users with home and work places in their regions and the planned type mix", () => {
    const types = new Map<string, number>();
    for (const u of truth.users) types.set(u.type, (types.get(u.type) ?? 0) + 1);
    expect(Object.fromEntries(types)).toEqual({ office_worker: 180, student: 100, night_owl: 60, homebody: 60 });
    const students = truth.users.filter((u) => u.type === "student");
    expect(students.every((u) => u.work.region === "University Town")).toBe(true);
  });
});
