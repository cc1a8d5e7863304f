import { CATEGORIES } from "./city-config";
import type { Calendar } from "./calendar";
import type { City } from "./city";
import { CONTEXT_RULES, SEQUENCE_RULES, type DayKind } from "./pattern-config";
import type { Slot } from "./rhythm-config";

/** A context rule with names resolved to indices. */
export interface CompiledContextRule {
  region: number;
  cat: number;
  dayKind: DayKind;
  h0: number;
  h1: number;
  confidence: number;
}

/** A sequence rule with names resolved to indices and gaps in ms. */
export interface CompiledSequenceRule {
  index: number;
  a: number;
  b: number;
  probability: number;
  gap0Ms: number;
  gap1Ms: number;
  maxGapMs: number;
  dayKind: DayKind;
  h0: number;
  h1: number;
}

/** Everything the per-user simulation reads (immutable during a run). */
export interface SimContext {
  city: City;
  cal: Calendar;
  contextRules: CompiledContextRule[];
  sequenceRules: CompiledSequenceRule[];
  /** `mix[r][c]`: category weight of region r. */
  mix: Float64Array[];
  /** Slot → category weight vector. */
  slotVec: Map<Slot, Float64Array>;
  /** Slots of a day kind → their weights. */
  slotWeights: Map<Slot[], number[]>;
}

/**
 * Whether a local weekday (0 = Monday) belongs to a day kind.
 * @example
 * ```ts
 * matchesDay("weekend", 5); // true (Saturday)
 * ```
 */
export function matchesDay(kind: DayKind, dow: number): boolean {
  return kind === "any" || (kind === "weekend" ? dow >= 5 : dow < 5);
}

function regionIndex(city: City, name: string): number {
  const r = city.regions.findIndex((x) => x.name === name);
  if (r < 0) throw new Error(`unknown region '${name}' in the pattern config`);
  return r;
}

/**
 * Resolves the context rules' names to region and category indices.
 * @example
 * ```ts
 * compileContextRules(city)[0].confidence; // 0.6
 * ```
 */
export function compileContextRules(city: City): CompiledContextRule[] {
  return CONTEXT_RULES.map((r) => ({
    region: regionIndex(city, r.region),
    cat: CATEGORIES.indexOf(r.consequent),
    dayKind: r.dayKind,
    h0: r.hours[0],
    h1: r.hours[1],
    confidence: r.confidence,
  }));
}

/**
 * Resolves the sequence rules' names and converts minutes to ms.
 * @example
 * ```ts
 * compileSequenceRules()[0].maxGapMs; // 7_200_000 (Gym → Coffee Shop within 2 h)
 * ```
 */
export function compileSequenceRules(): CompiledSequenceRule[] {
  return SEQUENCE_RULES.map((r, index) => ({
    index,
    a: CATEGORIES.indexOf(r.antecedent),
    b: CATEGORIES.indexOf(r.consequent),
    probability: r.probability,
    gap0Ms: r.gapMin[0] * 60_000,
    gap1Ms: r.gapMin[1] * 60_000,
    maxGapMs: r.maxGapMin * 60_000,
    dayKind: r.dayKind,
    h0: r.antecedentHours[0],
    h1: r.antecedentHours[1],
  }));
}

/**
 * Builds the read-only context of a run.
 * @example
 * ```ts
 * const ctx = buildSimContext(city, cal, USER_TYPES.flatMap((t) => [t.weekday, t.weekend]));
 * ```
 */
export function buildSimContext(city: City, cal: Calendar, slotLists: Slot[][]): SimContext {
  const mix = city.regions.map((r) => Float64Array.from(CATEGORIES, (c) => r.mix[c] ?? 0));
  const slotVec = new Map<Slot, Float64Array>();
  const slotWeights = new Map<Slot[], number[]>();
  for (const list of slotLists) {
    slotWeights.set(
      list,
      list.map((s) => s.weight),
    );
    for (const s of list) slotVec.set(s, Float64Array.from(CATEGORIES, (c) => s.categories[c] ?? 0));
  }
  return { city, cal, contextRules: compileContextRules(city), sequenceRules: compileSequenceRules(), mix, slotVec, slotWeights };
}
