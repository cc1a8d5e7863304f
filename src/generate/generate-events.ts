import type pl from "nodejs-polars";
import { createRng } from "../util/rng";
import { simulateBots } from "./bots";
import { buildTruth } from "./build-truth";
import { buildCalendar } from "./calendar";
import { buildCity } from "./city";
import { resolveGenerateOptions, type GenerateOptions } from "./defaults";
import { planDirt } from "./dirt";
import { BOTS } from "./pattern-config";
import { USER_TYPES } from "./rhythm-config";
import { buildRows, rowsToFrame } from "./rows";
import { buildSimContext } from "./sim-context";
import { simulateAll } from "./simulate";
import type { GroundTruth } from "./truth";
import { buildUsers } from "./users";

/** What {@link generateEvents} returns. */
export interface GenerateResult {
  /**
   * Canonical event frame, sorted by ts, user, item, event, category, lat, lon, text:
   * user, item (String), ts (Datetime("ms"), UTC wall time), event (`check-in` | `buy`),
   * category (String), lat, lon (Float64), tz_offset_min (Int32, always 480), text (POI name).
   */
  frame: pl.DataFrame;
  /** Every planted pattern, its parameters and its realised strength. */
  truth: GroundTruth;
}

/** Shuffled user ids `u0001 …`, so an id tells nothing about the user (or the bot). */
function userIds(n: number, rng: ReturnType<typeof createRng>): string[] {
  const width = Math.max(4, String(n).length);
  return rng.shuffle(Array.from({ length: n }, (_, i) => `u${String(i + 1).padStart(width, "0")}`));
}

/**
 * Generates the synthetic spatio-temporal check-in dataset of a fictional city around Shanghai
 * (local time UTC+8): six districts, typed POIs, users with home and work places and daily and
 * weekly rhythms, and these planted patterns, all recorded in `truth`:
 * hour-of-day peaks and weekday factors, a payday bump and per-user monthly purchase cycles,
 * a linear trend, context rules ({weekend, evening, Riverside} ⇒ Bar …), sequence rules
 * (Gym → Coffee Shop within 2 h …), category drift, spike and outage days, spatial hotspots,
 * noise, and dirty rows (exact and near duplicates, missing and impossible values, bots).
 *
 * Deterministic: the same options give the same frame and truth, bit for bit. Each component
 * (city, calendar, ids, users, simulation, bots, dirt) draws from its own fork of
 * `createRng(seed)`, and every user from its own fork, so components do not disturb each other.
 *
 * @param options see {@link GenerateOptions}; the defaults produce `data/sample/events.csv`.
 * @returns the frame and its ground truth.
 * @example
 * ```ts
 * const { frame, truth } = generateEvents({ seed: 42 });
 * frame.height;                             // ≈ 50,000 rows
 * truth.contextRules[0].realised.confidence; // ≈ 0.6
 * truth.dirty.counts.exact_duplicate;       // rows to drop as exact duplicates
 * ```
 */
export function generateEvents(options: GenerateOptions = {}): GenerateResult {
  const o = resolveGenerateOptions(options);
  const root = createRng(o.seed);
  const rngCity = root.fork();
  const rngCalendar = root.fork();
  const rngIds = root.fork();
  const rngUsers = root.fork();
  const rngSim = root.fork();
  const rngBots = root.fork();
  const rngDirt = root.fork();

  const city = buildCity(rngCity, o.pois);
  const cal = buildCalendar(o.start, o.days, rngCalendar);
  const ids = userIds(o.users + BOTS.length, rngIds);
  const users = buildUsers(rngUsers, city, ids.slice(0, o.users), o.eventsPerUserDay);
  const ctx = buildSimContext(
    city,
    cal,
    USER_TYPES.flatMap((t) => [t.weekday, t.weekend]),
  );
  const events = simulateAll(rngSim, users, ctx);
  const bots = o.dirty ? simulateBots(rngBots, city, cal, o.users) : { events: [], bots: [] };
  const plan = planDirt(rngDirt, events, cal, o.dirty);
  const valid = events.filter((_, i) => !plan.corrupt.has(i));
  const startYear = Number(o.start.slice(0, 4));
  const aheadMs = Date.UTC(startYear + 75, 0, 1) - Date.UTC(startYear, 0, 1);
  const rows = buildRows(events, bots.events, plan, city, ids, aheadMs);
  const frame = rowsToFrame(rows);
  const truth = buildTruth({ options: o, ctx, users, valid, bots: bots.bots, userIds: ids, plan, rows: rows.length });
  return { frame, truth };
}
