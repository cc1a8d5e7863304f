/**
 * Regular time grids for event counts: the bucket length of each frequency and the floor of
 * an instant to its bucket. Weeks start on Monday 00:00 (ISO 8601), as Polars' `"1w"`.
 *
 * Bucket of an instant t (epoch ms) for a step Δ and an origin o (0, or Monday 1970-01-05
 * for weeks): b(t) = o + ⌊(t − o)/Δ⌋·Δ. The arithmetic is exact on integers below 2⁵³.
 */

/** A supported series frequency (`"week"`: ISO weeks, Monday 00:00 to Monday 00:00). */
export type SeriesFreq = "minute" | "hour" | "day" | "week";

/**
 * Length of one bucket in milliseconds, per frequency.
 *
 * @example
 * ```ts
 * FREQ_MS.hour;                        // 3_600_000
 * const spanDays = (values.length * FREQ_MS.hour) / FREQ_MS.day; // an hourly series in days
 * ```
 */
export const FREQ_MS: Readonly<Record<SeriesFreq, number>> = {
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 604_800_000,
};

/** Monday 1970-01-05T00:00:00 in epoch ms: the origin of weekly buckets. */
const MONDAY_ORIGIN_MS = 4 * 86_400_000;

/**
 * Checks a frequency name and returns it typed.
 *
 * @param freq the requested frequency.
 * @param name parameter name used in the error. Default `"freq"`.
 * @throws Error naming the valid frequencies when `freq` is unknown.
 * @example
 * ```ts
 * checkFreq("hour");   // "hour"
 * checkFreq("month");  // throws: freq must be one of minute, hour, day, week; got "month"
 * ```
 */
export function checkFreq(freq: unknown, name = "freq"): SeriesFreq {
  if (typeof freq === "string" && Object.prototype.hasOwnProperty.call(FREQ_MS, freq)) return freq as SeriesFreq;
  throw new Error(`${name} must be one of ${Object.keys(FREQ_MS).join(", ")}; got ${JSON.stringify(freq)}`);
}

/**
 * Floors an instant (epoch ms, UTC or naive local wall time) to the start of its bucket.
 *
 * @example
 * ```ts
 * floorToFreq(Date.UTC(2024, 2, 6, 15, 30), "day");  // Date.UTC(2024, 2, 6)
 * floorToFreq(Date.UTC(2024, 2, 6, 15, 30), "week"); // Date.UTC(2024, 2, 4): Monday
 * ```
 */
export function floorToFreq(ms: number, freq: SeriesFreq): number {
  const step = FREQ_MS[freq];
  const origin = freq === "week" ? MONDAY_ORIGIN_MS : 0;
  return origin + Math.floor((ms - origin) / step) * step;
}

/**
 * The frequency whose bucket length is `stepMs`, or `null` when none matches.
 *
 * @example
 * ```ts
 * freqOfStep(3_600_000); // "hour"
 * freqOfStep(7_200_000); // null
 * ```
 */
export function freqOfStep(stepMs: number): SeriesFreq | null {
  for (const f of Object.keys(FREQ_MS) as SeriesFreq[]) if (FREQ_MS[f] === stepMs) return f;
  return null;
}

/**
 * Turns a `Date`, an ISO-8601 string or epoch ms into epoch ms, naming the option on failure.
 * A string without a zone (`"2024-03-01"`, `"2024-03-01T08:00"`) is read as UTC, never as the
 * machine's zone (for a local series it is then the local wall-clock time, since local times
 * are naive).
 *
 * @example
 * ```ts
 * toEpochMs("2024-03-01", "start"); // 1709251200000
 * ```
 */
export function toEpochMs(value: Date | string | number, name: string): number {
  const text = typeof value === "string" && /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value) ? `${value}Z` : value;
  const ms = text instanceof Date ? text.getTime() : typeof text === "string" ? Date.parse(text) : text;
  if (typeof ms !== "number" || !Number.isFinite(ms)) {
    throw new Error(`${name} must be a Date, an ISO-8601 string or epoch milliseconds; got ${String(value)}`);
  }
  return ms;
}
