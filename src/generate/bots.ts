import type { Rng } from "../util/rng";
import { DAY_MS, type Calendar } from "./calendar";
import type { City } from "./city";
import { BOTS } from "./pattern-config";
import { SOURCE, type SimEvent } from "./sim-event";

/** One simulated bot (internal form). */
export interface SimBot {
  index: number;
  kind: string;
  days: number[];
  events: number;
}

/**
 * Simulates the hyperactive bot accounts of `BOTS`: on a few random days each checks in every
 * few minutes (`gapMin`) during its local hours, either cycling through a handful of POIs of one
 * region (check-in farmer) or visiting random POIs across the city (crawler). Gaps are ≥ 2 min,
 * so bots never create near duplicates.
 *
 * @param rng generator of the bot component.
 * @param city the city.
 * @param cal the calendar.
 * @param firstIndex user index of the first bot (bots come after the real users).
 * @returns the bots' events and a summary per bot.
 * @example
 * ```ts
 * const { events, bots } = simulateBots(createRng(3), city, cal, 400);
 * ```
 */
export function simulateBots(rng: Rng, city: City, cal: Calendar, firstIndex: number): { events: SimEvent[]; bots: SimBot[] } {
  const events: SimEvent[] = [];
  const bots: SimBot[] = [];
  BOTS.forEach((spec, b) => {
    const index = firstIndex + b;
    const days = Array.from({ length: cal.days }, (_, d) => d);
    rng.shuffle(days);
    const active = days.slice(0, Math.min(spec.activeDays, cal.days)).sort((x, y) => x - y);
    let pool: number[] = [];
    if (spec.pois > 0) {
      const r = city.regions.findIndex((x) => x.name === spec.regionName);
      const inRegion = city.pois.filter((p) => p.region === r).map((p) => p.index);
      pool = rng.shuffle(inRegion).slice(0, spec.pois);
    }
    let n = 0;
    for (const d of active) {
      const dayStart = cal.startUtcMs + d * DAY_MS;
      const end = dayStart + spec.hours[1] * 3_600_000;
      const [g0, g1] = spec.gapMin;
      for (let t = dayStart + spec.hours[0] * 3_600_000 + rng.int(60) * 1000; t < end; t += Math.round((g0 + rng.next() * (g1 - g0)) * 60) * 1000) {
        const p = pool.length ? pool[n % pool.length] : rng.int(city.pois.length);
        events.push({ u: index, p, t, buy: false, src: SOURCE.bot, rule: -1 });
        n++;
      }
    }
    bots.push({ index, kind: spec.kind, days: active, events: n });
  });
  return { events, bots };
}
