import { CATEGORIES, TZ_OFFSET_MIN } from "./city-config";
import type { SimBot } from "./bots";
import { dayOf, localDate, type Calendar } from "./calendar";
import type { City } from "./city";
import { DIRTY_DEFINITIONS, type DirtPlan } from "./dirt";
import { contextRuleRealised, sequenceRuleRealised } from "./measure-rules";
import { anomaliesRealised, driftRealised, hotspotsRealised, paydayTruth, rhythmRealised } from "./measure-series";
import { buildMeasureTable } from "./measure-table";
import { CONTEXT_RULES, IMPULSE_BUYS, NOISE, PURCHASE_CYCLE, SEQUENCE_RULES, TREND } from "./pattern-config";
import { FAVOURITE_PROBABILITY, PEAK_HOURS, USER_TYPES, WEEKDAY_FACTORS } from "./rhythm-config";
import { SOURCE, type SimEvent } from "./sim-event";
import type { SimContext } from "./sim-context";
import type { DirtyKind, GroundTruth, PlaceTruth, ResolvedGenerateOptions, UserTruth } from "./truth";
import type { Place, SimUser } from "./users";

/** Everything {@link buildTruth} reads. */
export interface TruthInput {
  options: ResolvedGenerateOptions;
  ctx: SimContext;
  users: SimUser[];
  /** Valid events (clean rows that were not corrupted), sorted. */
  valid: SimEvent[];
  bots: SimBot[];
  userIds: string[];
  plan: DirtPlan;
  rows: number;
}

const iso = (ms: number): string => new Date(ms).toISOString().replace(".000Z", "Z");
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

function place(city: City, p: Place): PlaceTruth {
  return { region: city.regions[p.region].name, lat: p.lat, lon: p.lon };
}

function usersTruth(city: City, cal: Calendar, users: SimUser[], valid: SimEvent[]): UserTruth[] {
  const buyDays = users.map(() => [] as string[]);
  for (const e of valid) if (e.src === SOURCE.cycleBuy) buyDays[e.u].push(localDate(cal, dayOf(cal, e.t)));
  return users.map((u) => ({
    user: u.id,
    type: u.spec.type,
    home: place(city, u.home),
    work: place(city, u.work),
    rate: u.rate,
    favourites: [...new Set(u.fav.flat())].map((p) => city.pois[p].item).sort(),
    purchaseCycle: u.cycle
      ? { item: city.pois[u.cycle.poi].item, periodDays: u.cycle.periodDays, jitterSdDays: PURCHASE_CYCLE.jitterSdDays, buyDates: buyDays[u.index] }
      : null,
  }));
}

/**
 * Assembles the ground truth of a run: the planted parameters from the config files and, for
 * every pattern, what was realised in the valid events.
 *
 * @param input the run's parts.
 * @returns the JSON-serialisable ground truth.
 * @example
 * ```ts
 * const truth = buildTruth({ options, ctx, users, valid, bots, userIds, plan, rows: frame.height });
 * ```
 */
export function buildTruth(input: TruthInput): GroundTruth {
  const { options, ctx, users, valid, bots, userIds, plan } = input;
  const { city, cal } = ctx;
  const tab = buildMeasureTable(valid, city, cal, users.length);
  const bySource = { routine: 0, followUp: 0, noise: 0, cycleBuy: 0, impulseBuy: 0 };
  const followUps = SEQUENCE_RULES.map(() => 0);
  for (const e of valid) {
    if (e.src === SOURCE.routine) bySource.routine++;
    else if (e.src === SOURCE.followUp) {
      bySource.followUp++;
      followUps[e.rule]++;
    }
    else if (e.src === SOURCE.noise) bySource.noise++;
    else if (e.src === SOURCE.cycleBuy) bySource.cycleBuy++;
    else if (e.src === SOURCE.impulseBuy) bySource.impulseBuy++;
  }
  const buys = bySource.cycleBuy + bySource.impulseBuy;
  const botEvents = bots.reduce((s, b) => s + b.events, 0);
  const counts: Record<DirtyKind, number> = { ...plan.counts, hyperactive_user: botEvents };
  const poiCount = city.regions.map((_, r) => city.pois.filter((p) => p.region === r).length);
  return {
    version: 1,
    generator: { name: "generateEvents", options: { ...options } },
    window: {
      startLocal: localDate(cal, 0),
      endLocalExclusive: localDate(cal, cal.days),
      days: cal.days,
      tzOffsetMin: TZ_OFFSET_MIN,
      startUtc: iso(cal.startUtcMs),
      endUtc: iso(cal.endUtcMs),
    },
    counts: { rows: input.rows, valid: valid.length, checkIns: valid.length - buys, buys, bySource, users: users.length, pois: city.pois.length },
    categories: [...CATEGORIES],
    regions: city.regions.map((r, i) => ({ name: r.name, lat: r.lat, lon: r.lon, radiusKm: r.radiusKm, attraction: r.attraction, mix: { ...r.mix }, pois: poiCount[i] })),
    pois: city.pois
      .map((p) => ({ item: p.item, name: p.name, category: CATEGORIES[p.cat], region: city.regions[p.region].name, lat: p.lat, lon: p.lon, popularity: p.popularity }))
      .sort((a, b) => (a.item < b.item ? -1 : 1)),
    users: usersTruth(city, cal, users, valid).sort((a, b) => (a.user < b.user ? -1 : 1)),
    rhythm: {
      userTypes: clone([...USER_TYPES]),
      weekdayFactors: [...WEEKDAY_FACTORS],
      peakHours: { weekday: [...PEAK_HOURS.weekday], weekend: [...PEAK_HOURS.weekend] },
      favouriteProbability: FAVOURITE_PROBABILITY,
      realised: rhythmRealised(tab, cal),
    },
    monthly: {
      payday: paydayTruth(tab, cal),
      purchaseCycle: { ...PURCHASE_CYCLE, periodDays: [...PURCHASE_CYCLE.periodDays] as [number, number], users: users.filter((u) => u.cycle).length },
      impulseBuys: { ...IMPULSE_BUYS },
    },
    trend: { growthOverSpan: TREND.growthOverSpan },
    contextRules: CONTEXT_RULES.map((r, k) => ({ ...clone(r), realised: contextRuleRealised(tab, ctx.contextRules[k]) })),
    sequenceRules: SEQUENCE_RULES.map((r, k) => ({ ...clone(r), followUps: followUps[k], realised: sequenceRuleRealised(tab, ctx.sequenceRules[k]) })),
    drift: driftRealised(tab, cal),
    anomalies: anomaliesRealised(tab, cal),
    hotspots: hotspotsRealised(tab, city),
    noise: { share: NOISE.share, events: bySource.noise },
    dirty: {
      counts,
      total: Object.values(counts).reduce((s, x) => s + x, 0),
      definitions: { ...DIRTY_DEFINITIONS },
      bots: bots.map((b) => ({ user: userIds[b.index], kind: b.kind, events: b.events, days: b.days.length })),
    },
  };
}
