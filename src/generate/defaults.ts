import { SEED } from "../schema";
import type { ResolvedGenerateOptions } from "./truth";

/** Options of {@link generateEvents}. */
export interface GenerateOptions {
  /** Seed of every random draw. Default `SEED` (42). */
  seed?: number;
  /** Real users (bots come on top), 20–100,000. Default `400`. */
  users?: number;
  /** Local days simulated, 28–3,660. Default `184` (2024-03-01 … 2024-08-31). */
  days?: number;
  /** First local date, `YYYY-MM-DD` (local time UTC+8). Default `"2024-03-01"`. */
  start?: string;
  /** POIs (items) in the city, 100–100,000. Default `600`. */
  pois?: number;
  /** Mean routine check-ins per user per day before day factors, (0, 50]. Default `0.45`. */
  eventsPerUserDay?: number;
  /** Add dirty rows (duplicates, missing and impossible values, bots). Default `true`. */
  dirty?: boolean;
}

/** Default options of {@link generateEvents}; the committed sample is generated with them. */
export const GENERATE_DEFAULTS: ResolvedGenerateOptions = {
  seed: SEED,
  users: 400,
  days: 184,
  start: "2024-03-01",
  pois: 600,
  eventsPerUserDay: 0.45,
  dirty: true,
};

function checkRange(name: string, value: number, lo: number, hi: number, integer: boolean): void {
  const ok = Number.isFinite(value) && value >= lo && value <= hi && (!integer || Number.isInteger(value));
  if (!ok) {
    throw new Error(`${name} must be ${integer ? "an integer" : "a number"} in [${lo}, ${hi}], got ${value}`);
  }
}

/**
 * Applies the defaults and validates every option, naming the bad one and its valid range.
 *
 * @param options partial options.
 * @returns the complete options.
 * @example
 * ```ts
 * resolveGenerateOptions({ users: 50 }).days; // 184
 * resolveGenerateOptions({ days: 3 });        // throws: days must be an integer in [28, 3660], got 3
 * ```
 */
export function resolveGenerateOptions(options: GenerateOptions = {}): ResolvedGenerateOptions {
  const o: ResolvedGenerateOptions = { ...GENERATE_DEFAULTS };
  for (const key of Object.keys(GENERATE_DEFAULTS) as (keyof ResolvedGenerateOptions)[]) {
    const v = options[key];
    if (v !== undefined) (o as unknown as Record<string, unknown>)[key] = v;
  }
  if (!Number.isFinite(o.seed)) throw new Error(`seed must be a finite number, got ${o.seed}`);
  checkRange("users", o.users, 20, 100_000, true);
  checkRange("days", o.days, 28, 3660, true);
  checkRange("pois", o.pois, 100, 100_000, true);
  if (!(o.eventsPerUserDay > 0 && o.eventsPerUserDay <= 50)) {
    throw new Error(`eventsPerUserDay must be a number in (0, 50], got ${o.eventsPerUserDay}`);
  }
  if (typeof o.dirty !== "boolean") throw new Error(`dirty must be a boolean, got ${String(o.dirty)}`);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(o.start));
  const ok = m !== null && new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])).toISOString().slice(0, 10) === o.start;
  if (!ok) throw new Error(`start must be a calendar date 'YYYY-MM-DD', got '${o.start}'`);
  return o;
}
