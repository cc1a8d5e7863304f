import { dayOf, dowOf, hourOf, type Calendar } from "./calendar";
import type { City } from "./city";
import type { SimEvent } from "./sim-event";

/** Valid events as typed columns, for measuring what was realised. */
export interface MeasureTable {
  n: number;
  u: Int32Array;
  cat: Int8Array;
  region: Int8Array;
  t: Float64Array;
  buy: Uint8Array;
  /** Local day index. */
  day: Int32Array;
  /** Local hour 0–23. */
  hour: Int8Array;
  /** Local weekday, 0 = Monday. */
  dow: Int8Array;
  /** Check-in row indices per user, sorted by time. */
  checkInsByUser: number[][];
}

/**
 * Columnises events for the realised statistics.
 * @example
 * ```ts
 * const tab = buildMeasureTable(validEvents, city, cal, users.length);
 * ```
 */
export function buildMeasureTable(events: SimEvent[], city: City, cal: Calendar, nUsers: number): MeasureTable {
  const n = events.length;
  const tab: MeasureTable = {
    n,
    u: new Int32Array(n),
    cat: new Int8Array(n),
    region: new Int8Array(n),
    t: new Float64Array(n),
    buy: new Uint8Array(n),
    day: new Int32Array(n),
    hour: new Int8Array(n),
    dow: new Int8Array(n),
    checkInsByUser: Array.from({ length: nUsers }, () => [] as number[]),
  };
  const order = events.map((_, i) => i).sort((a, b) => events[a].t - events[b].t || a - b);
  events.forEach((e, i) => {
    const p = city.pois[e.p];
    tab.u[i] = e.u;
    tab.cat[i] = p.cat;
    tab.region[i] = p.region;
    tab.t[i] = e.t;
    tab.buy[i] = e.buy ? 1 : 0;
    tab.day[i] = dayOf(cal, e.t);
    tab.hour[i] = hourOf(cal, e.t);
    tab.dow[i] = dowOf(cal, e.t);
  });
  for (const i of order) if (!tab.buy[i]) tab.checkInsByUser[tab.u[i]].push(i);
  return tab;
}

/**
 * Valid events per local day (events outside the window are ignored).
 * @example
 * ```ts
 * dailyCounts(tab, cal.days)[0]; // events on the first local day
 * ```
 */
export function dailyCounts(tab: MeasureTable, days: number): Float64Array {
  const out = new Float64Array(days);
  for (let i = 0; i < tab.n; i++) if (tab.day[i] >= 0 && tab.day[i] < days) out[tab.day[i]]++;
  return out;
}

/**
 * Median of a list (mean of the middle two for an even length); NaN when empty.
 * @example
 * ```ts
 * median([3, 1, 4, 2]); // 2.5
 * ```
 */
export function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Weekly-seasonal baseline of day `d`: the median count of the same weekday within ± `weeks`
 * weeks, leaving out `d` itself, anomaly days and payday-bump days.
 * @example
 * ```ts
 * const base = seasonalBaseline(daily, cal, 40, 4);
 * ```
 */
export function seasonalBaseline(daily: Float64Array, cal: Calendar, d: number, weeks: number): number {
  const xs: number[] = [];
  for (let k = -weeks; k <= weeks; k++) {
    const q = d + 7 * k;
    if (k === 0 || q < 0 || q >= cal.days || cal.anomaly[q] >= 0 || cal.payday[q]) continue;
    xs.push(daily[q]);
  }
  return median(xs);
}
