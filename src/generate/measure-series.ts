import { CATEGORIES } from "./city-config";
import { localDate, type Calendar } from "./calendar";
import type { City } from "./city";
import { dailyCounts, seasonalBaseline, type MeasureTable } from "./measure-table";
import { ANOMALIES, DRIFT, PAYDAY } from "./pattern-config";
import type { AnomalyTruth, DriftTruth, HotspotTruth, RhythmTruth } from "./truth";

const r6 = (x: number): number => (Number.isFinite(x) ? Math.round(x * 1e6) / 1e6 : 0);

/**
 * Each planted anomaly with its realised count, weekly-seasonal baseline and ratio.
 * @example
 * ```ts
 * anomaliesRealised(tab, cal)[0].realised.ratio; // ≈ the planted factor
 * ```
 */
export function anomaliesRealised(tab: MeasureTable, cal: Calendar): AnomalyTruth[] {
  const daily = dailyCounts(tab, cal.days);
  return cal.anomalies
    .map((a) => {
      const baseline = seasonalBaseline(daily, cal, a.day, ANOMALIES.baselineWeeks);
      return {
        date: localDate(cal, a.day),
        kind: a.kind,
        factor: a.factor,
        reason: a.reason,
        realised: { count: daily[a.day], baseline, ratio: r6(daily[a.day] / baseline) },
        tolerance: { relative: ANOMALIES.relativeTolerance, baselineWeeks: ANOMALIES.baselineWeeks },
      };
    })
    .sort((x, y) => (x.date < y.date ? -1 : 1));
}

/**
 * Mean over payday-bump days (anomalies excluded) of count / weekly-seasonal baseline.
 * @example
 * ```ts
 * paydayRealisedRatio(tab, cal); // ≈ 1.3
 * ```
 */
export function paydayRealisedRatio(tab: MeasureTable, cal: Calendar): number {
  const daily = dailyCounts(tab, cal.days);
  let sum = 0;
  let n = 0;
  for (let d = 0; d < cal.days; d++) {
    if (!cal.payday[d] || cal.anomaly[d] >= 0) continue;
    const base = seasonalBaseline(daily, cal, d, ANOMALIES.baselineWeeks);
    if (!(base > 0)) continue;
    sum += daily[d] / base;
    n++;
  }
  return r6(n ? sum / n : NaN);
}

/**
 * Realised hour shares (weekday / weekend) and mean daily counts by weekday (payday and anomaly days excluded).
 * @example
 * ```ts
 * rhythmRealised(tab, cal).hourShareWeekday[8]; // the morning-commute peak
 * ```
 */
export function rhythmRealised(tab: MeasureTable, cal: Calendar): RhythmTruth["realised"] {
  const wd = new Array<number>(24).fill(0);
  const we = new Array<number>(24).fill(0);
  for (let i = 0; i < tab.n; i++) (tab.dow[i] >= 5 ? we : wd)[tab.hour[i]]++;
  const norm = (h: number[]): number[] => {
    const s = h.reduce((a, b) => a + b, 0);
    return h.map((x) => r6(s ? x / s : 0));
  };
  const daily = dailyCounts(tab, cal.days);
  const sum = new Array<number>(7).fill(0);
  const cnt = new Array<number>(7).fill(0);
  for (let d = 0; d < cal.days; d++) {
    if (cal.payday[d] || cal.anomaly[d] >= 0) continue;
    sum[cal.dow[d]] += daily[d];
    cnt[cal.dow[d]]++;
  }
  return { hourShareWeekday: norm(wd), hourShareWeekend: norm(we), meanDailyByWeekday: sum.map((s, k) => r6(cnt[k] ? s / cnt[k] : 0)) };
}

function shareOf(tab: MeasureTable, cat: number, from: number, to: number): number {
  let all = 0;
  let hit = 0;
  for (let i = 0; i < tab.n; i++) {
    if (tab.buy[i] || tab.day[i] < from || tab.day[i] >= to) continue;
    all++;
    if (tab.cat[i] === cat) hit++;
  }
  return r6(all ? hit / all : 0);
}

/**
 * The planted drifts with the realised category share of valid check-ins before and after
 * (step: before / from the step date; linear: first 30 days / last 30 days).
 * @example
 * ```ts
 * driftRealised(tab, cal)[0].realised; // { shareBefore: 0.05, shareAfter: 0.1 }
 * ```
 */
export function driftRealised(tab: MeasureTable, cal: Calendar): DriftTruth[] {
  return DRIFT.map((spec, k) => {
    const c = CATEGORIES.indexOf(spec.category);
    if (spec.kind === "step") {
      const at = cal.stepDays[k];
      return {
        kind: spec.kind,
        category: spec.category,
        date: localDate(cal, at),
        factor: spec.factor,
        factorStart: null,
        factorEnd: null,
        realised: { shareBefore: shareOf(tab, c, 0, at), shareAfter: shareOf(tab, c, at, cal.days) },
      };
    }
    const w = Math.min(30, Math.floor(cal.days / 2));
    return {
      kind: spec.kind,
      category: spec.category,
      date: null,
      factor: null,
      factorStart: spec.factorStart,
      factorEnd: spec.factorEnd,
      realised: { shareBefore: shareOf(tab, c, 0, w), shareAfter: shareOf(tab, c, cal.days - w, cal.days) },
    };
  });
}

/**
 * Regions ranked by valid events per km² (rank 1 = densest): the spatial hotspots.
 * @example
 * ```ts
 * hotspotsRealised(tab, city)[0].region; // "Riverside"
 * ```
 */
export function hotspotsRealised(tab: MeasureTable, city: City): HotspotTruth[] {
  const counts = new Array<number>(city.regions.length).fill(0);
  for (let i = 0; i < tab.n; i++) counts[tab.region[i]]++;
  return city.regions
    .map((r, i) => ({
      region: r.name,
      lat: r.lat,
      lon: r.lon,
      radiusKm: r.radiusKm,
      attraction: r.attraction,
      events: counts[i],
      eventsPerKm2: r6(counts[i] / (Math.PI * r.radiusKm * r.radiusKm)),
      rank: 0,
    }))
    .sort((a, b) => b.eventsPerKm2 - a.eventsPerKm2)
    .map((h, k) => ({ ...h, rank: k + 1 }));
}

/**
 * The payday truth (planted days and factor, realised ratio).
 * @example
 * ```ts
 * paydayTruth(tab, cal); // { daysOfMonth: [10, 11, 12], factor: 1.3, realisedRatio: 1.30 }
 * ```
 */
export function paydayTruth(tab: MeasureTable, cal: Calendar): { daysOfMonth: number[]; factor: number; realisedRatio: number } {
  return { daysOfMonth: [...PAYDAY.daysOfMonth], factor: PAYDAY.factor, realisedRatio: paydayRealisedRatio(tab, cal) };
}
