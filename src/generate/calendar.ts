import type { Rng } from "../util/rng";
import { CATEGORIES, TZ_OFFSET_MIN } from "./city-config";
import { ANOMALIES, DRIFT, PAYDAY, TREND } from "./pattern-config";
import { WEEKDAY_FACTORS } from "./rhythm-config";

/** Milliseconds per day. */
export const DAY_MS = 86_400_000;

/** A planted anomaly day (internal form). */
export interface AnomalyDay {
  day: number;
  kind: "spike" | "outage";
  factor: number;
  reason: string;
}

/**
 * The simulated local days and their rate multipliers. Day `d` is the local date
 * `start + d`; its events lie in UTC `[startUtcMs + d·DAY_MS, startUtcMs + (d+1)·DAY_MS)`.
 */
export interface Calendar {
  days: number;
  tzOffsetMs: number;
  /** UTC instant of local midnight of day 0. */
  startUtcMs: number;
  /** UTC instant of local midnight after the last day (exclusive end of the window). */
  endUtcMs: number;
  /** Local weekday of each day, 0 = Monday. */
  dow: Int8Array;
  /** 1 on payday-bump days. */
  payday: Uint8Array;
  /** Index of the anomaly on each day, −1 if none. */
  anomaly: Int16Array;
  anomalies: AnomalyDay[];
  /** Rate multiplier of each day: weekday × payday × trend × anomaly. */
  factor: Float64Array;
  /** Category weight multipliers (drift): `drift[d * CATEGORIES.length + c]`. */
  drift: Float64Array;
  /** Day from which the step drift applies, per drift spec (−1 for linear ones). */
  stepDays: number[];
}

/**
 * Local `YYYY-MM-DD` of day `d`.
 * @example
 * ```ts
 * localDate(cal, 0); // "2024-03-01"
 * ```
 */
export function localDate(cal: Calendar, d: number): string {
  return new Date(cal.startUtcMs + cal.tzOffsetMs + d * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Local day index (relative to day 0) of a UTC instant; may be < 0 or ≥ days.
 * @example
 * ```ts
 * dayOf(cal, Date.parse("2024-03-01T16:00:00Z")); // 1 (Saturday 00:00 local)
 * ```
 */
export function dayOf(cal: Calendar, utcMs: number): number {
  return Math.floor((utcMs - cal.startUtcMs) / DAY_MS);
}

/**
 * Local hour 0–23 of a UTC instant.
 * @example
 * ```ts
 * hourOf(cal, Date.parse("2024-03-01T00:15:00Z")); // 8
 * ```
 */
export function hourOf(cal: Calendar, utcMs: number): number {
  const local = utcMs + cal.tzOffsetMs;
  return Math.floor((((local % DAY_MS) + DAY_MS) % DAY_MS) / 3_600_000);
}

/**
 * Local weekday (0 = Monday) of a UTC instant.
 * @example
 * ```ts
 * dowOf(cal, Date.parse("2024-03-01T16:00:00Z")); // 5 (Saturday local)
 * ```
 */
export function dowOf(cal: Calendar, utcMs: number): number {
  // 1970-01-01 was a Thursday (index 3 when Monday is 0)
  const dayNumber = Math.floor((utcMs + cal.tzOffsetMs) / DAY_MS);
  return (((dayNumber + 3) % 7) + 7) % 7;
}

function pickAnomalies(rng: Rng, days: number, payday: Uint8Array): AnomalyDay[] {
  const specs = [
    ...ANOMALIES.spikes.map((s) => ({ kind: "spike" as const, ...s })),
    ...ANOMALIES.outages.map((s) => ({ kind: "outage" as const, ...s })),
  ];
  const margin = days >= 8 * 7 + 28 ? ANOMALIES.baselineWeeks * 7 : 0;
  const candidates: number[] = [];
  for (let d = margin; d < days - margin; d++) if (!payday[d]) candidates.push(d);
  rng.shuffle(candidates);
  const chosen: AnomalyDay[] = [];
  for (const d of candidates) {
    if (chosen.length === specs.length) break;
    if (chosen.some((a) => Math.abs(a.day - d) < 8)) continue;
    const s = specs[chosen.length];
    chosen.push({ day: d, kind: s.kind, factor: s.factor, reason: s.reason });
  }
  return chosen;
}

/**
 * Builds the calendar of a run: weekdays, payday bumps, trend, anomaly days (drawn from
 * `rng`) and category drift multipliers.
 *
 * @param start first local date `YYYY-MM-DD` (validated by the caller).
 * @param days number of local days.
 * @param rng generator used for the anomaly dates only.
 * @returns the calendar.
 * @example
 * ```ts
 * const cal = buildCalendar("2024-03-01", 184, createRng(1));
 * localDate(cal, 0); // "2024-03-01"
 * cal.dow[0];        // 4 (a Friday)
 * ```
 */
export function buildCalendar(start: string, days: number, rng: Rng): Calendar {
  const tzOffsetMs = TZ_OFFSET_MIN * 60_000;
  const [y, m, dd] = start.split("-").map(Number);
  const startUtcMs = Date.UTC(y, m - 1, dd) - tzOffsetMs;
  const dow = new Int8Array(days);
  const payday = new Uint8Array(days);
  const paydays: readonly number[] = PAYDAY.daysOfMonth;
  for (let d = 0; d < days; d++) {
    const local = new Date(startUtcMs + tzOffsetMs + d * DAY_MS);
    dow[d] = (local.getUTCDay() + 6) % 7;
    payday[d] = paydays.includes(local.getUTCDate()) ? 1 : 0;
  }
  const anomalies = pickAnomalies(rng, days, payday);
  const anomaly = new Int16Array(days).fill(-1);
  anomalies.forEach((a, i) => (anomaly[a.day] = i));
  const factor = new Float64Array(days);
  for (let d = 0; d < days; d++) {
    const trend = 1 + (TREND.growthOverSpan * d) / (days - 1);
    const an = anomaly[d] >= 0 ? anomalies[anomaly[d]].factor : 1;
    factor[d] = WEEKDAY_FACTORS[dow[d]] * (payday[d] ? PAYDAY.factor : 1) * trend * an;
  }
  const nc = CATEGORIES.length;
  const drift = new Float64Array(days * nc).fill(1);
  const stepDays: number[] = [];
  for (const spec of DRIFT) {
    const c = CATEGORIES.indexOf(spec.category);
    if (spec.kind === "step") {
      const at = Math.round(spec.atFraction * days);
      stepDays.push(at);
      for (let d = at; d < days; d++) drift[d * nc + c] *= spec.factor;
    } else {
      stepDays.push(-1);
      for (let d = 0; d < days; d++) drift[d * nc + c] *= spec.factorStart + ((spec.factorEnd - spec.factorStart) * d) / (days - 1);
    }
  }
  return { days, tzOffsetMs, startUtcMs, endUtcMs: startUtcMs + days * DAY_MS, dow, payday, anomaly, anomalies, factor, drift, stepDays };
}
