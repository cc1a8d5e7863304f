import type { Rng } from "../util/rng";
import type { Calendar } from "./calendar";
import { DIRT_RATES } from "./pattern-config";
import type { SimEvent } from "./sim-event";
import type { DirtyKind } from "./truth";

/** A dirty kind that rewrites a valid row in place. */
export type InPlaceKind = Exclude<DirtyKind, "exact_duplicate" | "near_duplicate" | "hyperactive_user">;

/** An added copy of a valid row. */
export interface DirtCopy {
  /** Index of the copied event. */
  index: number;
  kind: "exact_duplicate" | "near_duplicate";
  /** Time shift of the copy, ms (0 for exact duplicates, 5–55 s for near duplicates). */
  dtMs: number;
}

/** Which valid events get corrupted or copied. */
export interface DirtPlan {
  /** Event index → the defect written into that row. */
  corrupt: Map<number, InPlaceKind>;
  /** For `ts_before_start`: rows moved to 1970-01-01T00:00:00Z (the others move back one year). */
  epochZero: Set<number>;
  copies: DirtCopy[];
  /** Planned rows per kind (bots are counted by the caller). */
  counts: Record<Exclude<DirtyKind, "hyperactive_user">, number>;
}

/** Definitions of the dirty kinds, as a cleaner or a test should detect them. */
export const DIRTY_DEFINITIONS: Record<DirtyKind, string> = {
  exact_duplicate: "a row equal in every column to an earlier row (count = rows − distinct rows)",
  near_duplicate: "after removing exact duplicates: a row whose (user, item) has another row at most 60 s earlier",
  missing_coordinates: "lat and lon are both null (recoverable from the item)",
  missing_category: "category is null (recoverable from the item)",
  lat_out_of_range: "lat outside [-90, 90] (lat and lon swapped)",
  lon_out_of_range: "lon outside [-180, 180] (lon multiplied by 10)",
  ts_before_start: "ts before window.startUtc (1970-01-01T00:00:00Z, or one year too early)",
  ts_after_end: "ts at or after window.endUtc (shifted 75 years ahead, e.g. into 2099)",
  hyperactive_user: "any row of a bot user listed in dirty.bots",
};

/**
 * Chooses the valid check-ins that become dirty rows: disjoint random sets, one per kind,
 * sized `max(1, round(rate × check-ins))` from `DIRT_RATES` (none when `enabled` is false).
 * Buys are never touched, so purchase cycles stay intact. Near-duplicate copies shift by
 * 5–55 s, which never reaches the user's next event (events of a user are ≥ 5 min apart).
 *
 * @param rng generator of the dirt component.
 * @param events valid events, sorted.
 * @param cal the calendar (window end).
 * @param enabled whether to plan any dirt.
 * @returns the plan.
 * @example
 * ```ts
 * const plan = planDirt(createRng(5), events, cal, true);
 * plan.counts.exact_duplicate; // ≈ 0.3 % of the check-ins
 * ```
 */
export function planDirt(rng: Rng, events: SimEvent[], cal: Calendar, enabled: boolean): DirtPlan {
  const counts = Object.fromEntries(Object.keys(DIRT_RATES).map((k) => [k, 0])) as DirtPlan["counts"];
  const plan: DirtPlan = { corrupt: new Map(), epochZero: new Set(), copies: [], counts };
  if (!enabled) return plan;
  const eligible: number[] = [];
  events.forEach((e, i) => {
    if (!e.buy) eligible.push(i);
  });
  rng.shuffle(eligible);
  let next = 0;
  const epochPairs = new Set<string>();
  for (const kind of Object.keys(DIRT_RATES) as (keyof typeof DIRT_RATES)[]) {
    const want = Math.max(1, Math.round(DIRT_RATES[kind] * eligible.length));
    let got = 0;
    while (got < want && next < eligible.length) {
      const i = eligible[next++];
      const e = events[i];
      if (kind === "exact_duplicate") {
        plan.copies.push({ index: i, kind, dtMs: 0 });
      } else if (kind === "near_duplicate") {
        if (e.t + 60_000 >= cal.endUtcMs) continue;
        plan.copies.push({ index: i, kind, dtMs: (5 + rng.int(51)) * 1000 });
      } else {
        if (kind === "ts_before_start" && got % 2 === 0) {
          const pair = `${e.u}:${e.p}`;
          if (epochPairs.has(pair)) continue;
          epochPairs.add(pair);
          plan.epochZero.add(i);
        }
        plan.corrupt.set(i, kind);
      }
      got++;
    }
    counts[kind] = got;
  }
  return plan;
}
