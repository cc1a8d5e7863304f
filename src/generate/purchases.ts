import type { Rng } from "../util/rng";
import { CATEGORIES } from "./city-config";
import { DAY_MS } from "./calendar";
import { IMPULSE_BUYS, PURCHASE_CYCLE } from "./pattern-config";
import { SOURCE, type SimEvent } from "./sim-event";
import type { SimContext } from "./sim-context";
import type { SimUser } from "./users";

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/**
 * A user's `buy` events: the monthly cycle (if the user has one: a buy at the cycle Grocery on
 * day `phase`, then every `period + round(N(0, jitterSdDays))` days, at local hour
 * N(17, 2) clipped to 9–22) and impulse buys at Malls (Poisson per day with mean
 * `IMPULSE_BUYS.ratePerUserDay × day factor`, region ∝ attraction, POI ∝ popularity).
 *
 * @param rng the user's purchase generator.
 * @param user the user.
 * @param ctx the run's context.
 * @returns the buys in generation order.
 * @example
 * ```ts
 * const buys = simulatePurchases(rng.fork(), users[0], ctx);
 * ```
 */
export function simulatePurchases(rng: Rng, user: SimUser, ctx: SimContext): SimEvent[] {
  const { cal, city } = ctx;
  const out: SimEvent[] = [];
  if (user.cycle) {
    const { poi, periodDays, phase } = user.cycle;
    for (let d = phase; d < cal.days; d += Math.max(1, periodDays + Math.round(PURCHASE_CYCLE.jitterSdDays * rng.normal()))) {
      const hour = clamp(PURCHASE_CYCLE.hourMean + PURCHASE_CYCLE.hourSd * rng.normal(), 9, 22);
      out.push({ u: user.index, p: poi, t: cal.startUtcMs + d * DAY_MS + Math.round(hour * 3600) * 1000, buy: true, src: SOURCE.cycleBuy, rule: -1 });
    }
  }
  const mall = CATEGORIES.indexOf(IMPULSE_BUYS.category);
  const weights = city.regions.map((r, i) => (city.byRegionCat[i][mall].length ? r.attraction : 0));
  for (let d = 0; d < cal.days; d++) {
    const n = rng.poisson(IMPULSE_BUYS.ratePerUserDay * cal.factor[d]);
    for (let k = 0; k < n; k++) {
      const region = rng.weighted(weights);
      const p = city.byRegionCat[region][mall][rng.weighted(city.popRegionCat[region][mall])];
      const hour = clamp(15 + 3 * rng.normal(), 10, 22);
      out.push({ u: user.index, p, t: cal.startUtcMs + d * DAY_MS + Math.round(hour * 3600) * 1000, buy: true, src: SOURCE.impulseBuy, rule: -1 });
    }
  }
  return out;
}
