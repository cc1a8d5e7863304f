import type { Rng } from "../util/rng";
import { CATEGORIES } from "./city-config";
import { apportion, randomPointIn, type City } from "./city";
import { PURCHASE_CYCLE } from "./pattern-config";
import { USER_TYPES, type UserTypeSpec } from "./rhythm-config";

/** A point of a user's life: region index and coordinates. */
export interface Place {
  region: number;
  lat: number;
  lon: number;
}

/** A purchase cycle (internal form). */
export interface Cycle {
  /** POI index of the Grocery. */
  poi: number;
  periodDays: number;
  /** Day of the first buy, in [0, period). */
  phase: number;
}

/** A simulated user (internal form; `id` is the public user id). */
export interface SimUser {
  index: number;
  id: string;
  spec: UserTypeSpec;
  home: Place;
  work: Place;
  /** Routine check-ins per day before day factors. */
  rate: number;
  /** `fav[c]`: favourite POI indices of category c (home region first). */
  fav: number[][];
  cycle: Cycle | null;
}

function pickByWeight(rng: Rng, weights: Record<string, number>, names: string[]): number {
  const keys = Object.keys(weights).sort();
  const k = keys[rng.weighted(keys.map((key) => weights[key]))];
  const i = names.indexOf(k);
  if (i < 0) throw new Error(`unknown region '${k}' in the user type config`);
  return i;
}

function pickPopular(rng: Rng, city: City, region: number, cat: number): number {
  const list = city.byRegionCat[region][cat];
  return list[rng.weighted(city.popRegionCat[region][cat])];
}

/**
 * Creates the users: types in exact proportions (shuffled), home and work places in their
 * type's regions, a log-normal activity (σ = 0.5, mean 1) times the type's activity, one
 * favourite POI per category in the home region and one in the work region, and a monthly
 * purchase cycle for `PURCHASE_CYCLE.userShare` of them.
 *
 * @param rng generator of the user component.
 * @param city the city.
 * @param ids public user ids, one per user.
 * @param eventsPerUserDay mean routine check-ins per user-day.
 * @returns the users, in the order of `ids`.
 * @example
 * ```ts
 * const users = buildUsers(createRng(7), city, ["u0001", "u0002"], 0.6);
 * ```
 */
export function buildUsers(rng: Rng, city: City, ids: string[], eventsPerUserDay: number): SimUser[] {
  const n = ids.length;
  const names = city.regions.map((r) => r.name);
  const counts = apportion(
    n,
    USER_TYPES.map((t) => t.share),
  );
  const types: UserTypeSpec[] = [];
  USER_TYPES.forEach((t, i) => {
    for (let k = 0; k < counts[i]; k++) types.push(t);
  });
  rng.shuffle(types);
  const cyclic = new Uint8Array(n);
  const cycleIdx = ids.map((_, i) => i);
  rng.shuffle(cycleIdx);
  for (let k = 0; k < Math.round(PURCHASE_CYCLE.userShare * n); k++) cyclic[cycleIdx[k]] = 1;
  const groceryCat = CATEGORIES.indexOf(PURCHASE_CYCLE.category);
  const [pLo, pHi] = PURCHASE_CYCLE.periodDays;

  return ids.map((id, index) => {
    const spec = types[index];
    const homeRegion = pickByWeight(rng, spec.homeRegions, names);
    const workRegion = Object.keys(spec.workRegions).length ? pickByWeight(rng, spec.workRegions, names) : homeRegion;
    const home = { region: homeRegion, ...randomPointIn(city.regions[homeRegion], rng) };
    const work = { region: workRegion, ...randomPointIn(city.regions[workRegion], rng) };
    const rate = Math.round(eventsPerUserDay * spec.activity * Math.exp(0.5 * rng.normal() - 0.125) * 1e4) / 1e4;
    const fav = CATEGORIES.map((_, c) => {
      const out: number[] = [];
      for (const r of homeRegion === workRegion ? [homeRegion] : [homeRegion, workRegion]) {
        if (city.byRegionCat[r][c].length) out.push(pickPopular(rng, city, r, c));
      }
      return out;
    });
    let cycle: Cycle | null = null;
    if (cyclic[index]) {
      const periodDays = pLo + rng.int(pHi - pLo + 1);
      const groceryRegion = city.byRegionCat[homeRegion][groceryCat].length ? homeRegion : city.regionsByDistance[homeRegion].find((q) => city.byRegionCat[q][groceryCat].length > 0)!;
      cycle = { poi: pickPopular(rng, city, groceryRegion, groceryCat), periodDays, phase: rng.int(periodDays) };
    }
    return { index, id, spec, home, work, rate, fav, cycle };
  });
}
