import type { Rng } from "../util/rng";
import { CATEGORIES } from "./city-config";
import { DAY_MS, dowOf, hourOf } from "./calendar";
import { nearestRegionWith } from "./city";
import { NOISE } from "./pattern-config";
import { FAVOURITE_PROBABILITY, HOME_ANCHOR_PROBABILITY, HOME_LEISURE_BOOST, type Anchor, type Slot } from "./rhythm-config";
import { SOURCE, type SimEvent } from "./sim-event";
import { matchesDay, type SimContext } from "./sim-context";
import type { SimUser } from "./users";

const NC = CATEGORIES.length;

function leisureRegion(rng: Rng, user: SimUser, ctx: SimContext): number {
  const w = ctx.city.regions.map((r, i) => r.attraction * (i === user.home.region ? HOME_LEISURE_BOOST : 1));
  return rng.weighted(w);
}

function chooseRegion(rng: Rng, user: SimUser, anchor: Anchor, ctx: SimContext): number {
  if (anchor === "work") return user.work.region;
  if (anchor === "home" && rng.next() < HOME_ANCHOR_PROBABILITY) return user.home.region;
  return leisureRegion(rng, user, ctx);
}

/** Category of a routine check-in, or −1 when neither the slot nor the region offers one. */
function chooseCategory(rng: Rng, slot: Float64Array, region: number, day: number, dow: number, hour: number, ctx: SimContext): number {
  let excluded = -1;
  for (const rule of ctx.contextRules) {
    if (rule.region !== region || hour < rule.h0 || hour > rule.h1 || !matchesDay(rule.dayKind, dow)) continue;
    if (ctx.city.byRegionCat[region][rule.cat].length === 0) continue;
    if (rng.next() < rule.confidence) return rule.cat;
    excluded = rule.cat;
    break;
  }
  const mix = ctx.mix[region];
  const w = new Float64Array(NC);
  let total = 0;
  for (let c = 0; c < NC; c++) {
    w[c] = c === excluded ? 0 : slot[c] * mix[c] * ctx.cal.drift[day * NC + c];
    total += w[c];
  }
  if (total > 0) return rng.weighted(w);
  return excluded;
}

/**
 * A POI of category `cat` in `region`: one of the user's favourites there with probability
 * `FAVOURITE_PROBABILITY`, else drawn by popularity.
 * @example
 * ```ts
 * const p = choosePoi(rng, user, region, CATEGORIES.indexOf("Gym"), ctx);
 * ```
 */
export function choosePoi(rng: Rng, user: SimUser, region: number, cat: number, ctx: SimContext): number {
  const favs = user.fav[cat];
  let nFav = 0;
  for (const p of favs) if (ctx.city.pois[p].region === region) nFav++;
  if (nFav > 0 && rng.next() < FAVOURITE_PROBABILITY) {
    let k = rng.int(nFav);
    for (const p of favs) if (ctx.city.pois[p].region === region && k-- === 0) return p;
  }
  return ctx.city.byRegionCat[region][cat][rng.weighted(ctx.city.popRegionCat[region][cat])];
}

/** Appends one routine check-in and its planted follow-ups; returns how many events were added. */
function routineEvent(rng: Rng, user: SimUser, d: number, slots: Slot[], ctx: SimContext, out: SimEvent[]): number {
  const { city, cal } = ctx;
  const slot = slots[rng.weighted(ctx.slotWeights.get(slots)!)];
  const vec = ctx.slotVec.get(slot)!;
  // the local hour wraps into [0, 24): after-midnight activity stays on its own local day
  const hour24 = (((slot.peakHour + slot.sdHours * rng.normal()) % 24) + 24) % 24;
  const t = cal.startUtcMs + d * DAY_MS + Math.min(86_399, Math.round(hour24 * 3600)) * 1000;
  const dow = dowOf(cal, t);
  const hour = hourOf(cal, t);
  let region = chooseRegion(rng, user, slot.anchor, ctx);
  let cat = chooseCategory(rng, vec, region, d, dow, hour, ctx);
  if (cat < 0) {
    cat = rng.weighted(vec);
    region = nearestRegionWith(city, region, cat);
  }
  out.push({ u: user.index, p: choosePoi(rng, user, region, cat, ctx), t, buy: false, src: SOURCE.routine, rule: -1 });
  let added = 1;
  for (const rule of ctx.sequenceRules) {
    if (rule.a !== cat || hour < rule.h0 || hour > rule.h1 || !matchesDay(rule.dayKind, dow)) continue;
    if (rng.next() >= rule.probability) continue;
    const gap = Math.round((rule.gap0Ms + rng.next() * (rule.gap1Ms - rule.gap0Ms)) / 1000) * 1000;
    const r2 = nearestRegionWith(city, region, rule.b);
    out.push({ u: user.index, p: choosePoi(rng, user, r2, rule.b, ctx), t: t + gap, buy: false, src: SOURCE.followUp, rule: rule.index });
    added++;
  }
  return added;
}

/**
 * Simulates one user's routine check-ins (with their planted follow-ups) and noise check-ins
 * over all days: per local day, Poisson(rate × day factor) check-ins, a follow-up counting as
 * one of them, plus Poisson(rate × day factor × `NOISE.share`) noise check-ins. Events are returned in generation order; {@link finalizeUserEvents} sorts
 * them, enforces the minimum gap and clips them to the window.
 *
 * @param rng the user's own generator (a fork, so users are independent).
 * @param user the user.
 * @param ctx the run's context.
 * @returns the user's check-ins.
 * @example
 * ```ts
 * const events = simulateUser(rng.fork(), users[0], ctx);
 * ```
 */
export function simulateUser(rng: Rng, user: SimUser, ctx: SimContext): SimEvent[] {
  const { cal, city } = ctx;
  const out: SimEvent[] = [];
  for (let d = 0; d < cal.days; d++) {
    const slots = cal.dow[d] >= 5 ? user.spec.weekend : user.spec.weekday;
    const lambda = user.rate * cal.factor[d];
    const n = rng.poisson(lambda);
    // a follow-up takes the place of one of the day's routine events, so day volumes follow the day factors
    for (let k = 0; k < n; ) k += routineEvent(rng, user, d, slots, ctx, out);
    const m = rng.poisson(lambda * NOISE.share);
    for (let k = 0; k < m; k++) {
      const t = cal.startUtcMs + d * DAY_MS + rng.int(86_400) * 1000;
      out.push({ u: user.index, p: rng.int(city.pois.length), t, buy: false, src: SOURCE.noise, rule: -1 });
    }
  }
  return out;
}
