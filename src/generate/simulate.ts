import type { Rng } from "../util/rng";
import type { Calendar } from "./calendar";
import { MIN_GAP_MS } from "./pattern-config";
import { simulatePurchases } from "./purchases";
import { compareEvents, type SimEvent } from "./sim-event";
import type { SimContext } from "./sim-context";
import { simulateUser } from "./simulate-user";
import type { SimUser } from "./users";

/**
 * Drops one user's events before the window, sorts the rest by time (ties keep generation
 * order), pushes each event to at least `MIN_GAP_MS` after the previous one (so no two events
 * of a user, hence no same-item pair, fall within 60 s of each other) and drops the events
 * that end up at or after the window end.
 *
 * @param events one user's events (not mutated).
 * @param cal the calendar (window bounds).
 * @param minGapMs minimum gap between consecutive events. Default `MIN_GAP_MS` (5 min).
 * @returns new event objects, sorted and spaced.
 * @example
 * ```ts
 * finalizeUserEvents([{ u: 0, p: 1, t: 0, buy: false, src: 0, rule: -1 }], cal);
 * ```
 */
export function finalizeUserEvents(events: SimEvent[], cal: Calendar, minGapMs = MIN_GAP_MS): SimEvent[] {
  const sorted = events
    .filter((e) => e.t >= cal.startUtcMs)
    .map((e) => ({ ...e }))
    .sort((a, b) => a.t - b.t);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].t < sorted[i - 1].t + minGapMs) sorted[i].t = sorted[i - 1].t + minGapMs;
  }
  return sorted.filter((e) => e.t < cal.endUtcMs);
}

/**
 * Simulates every real user (each with its own forks of `rng`, in user order) and returns all
 * valid events sorted by {@link compareEvents}.
 *
 * @param rng generator of the simulation component.
 * @param users the real users.
 * @param ctx the run's context.
 * @returns the clean events of all users.
 * @example
 * ```ts
 * const events = simulateAll(createRng(1), users, ctx);
 * ```
 */
export function simulateAll(rng: Rng, users: SimUser[], ctx: SimContext): SimEvent[] {
  const all: SimEvent[] = [];
  for (const user of users) {
    const ur = rng.fork();
    const routine = simulateUser(ur.fork(), user, ctx);
    const buys = simulatePurchases(ur.fork(), user, ctx);
    for (const e of finalizeUserEvents(routine.concat(buys), ctx.cal)) all.push(e);
  }
  return all.sort(compareEvents);
}
