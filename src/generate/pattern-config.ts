import type { Category } from "./city-config";

/**
 * The patterns planted in the synthetic events, as data. Each one is copied into the
 * ground truth together with what was realised in the generated clean events.
 *
 * Local time is UTC+8. "Weekend" is local Saturday and Sunday; an hour range `[a, b]` means
 * local hours a..b inclusive (a = 18, b = 23: 18:00:00–23:59:59).
 */

/** Which local days a rule applies to. */
export type DayKind = "weekday" | "weekend" | "any";

/** A planted context rule {day kind, local hours, region} ⇒ category. */
export interface ContextRuleSpec {
  id: string;
  dayKind: DayKind;
  /** Local hours, inclusive. */
  hours: [number, number];
  region: string;
  consequent: Category;
  /**
   * P(category = consequent | context) among routine check-ins in the context. Follow-up and noise
   * check-ins also land in the context, so the realised confidence is a little lower.
   */
  confidence: number;
  /** Expected |realised confidence − confidence| bound. */
  tolerance: number;
}

/** A planted sequence A → B: after an A check-in, the same user checks in at B within the gap. */
export interface SequenceRuleSpec {
  id: string;
  antecedent: Category;
  consequent: Category;
  /** Probability that an eligible A check-in gets a planted B follow-up. */
  probability: number;
  /** The follow-up comes uniformly this many minutes after A. */
  gapMin: [number, number];
  /** Window used to measure the rule: B within (0, maxGapMin] minutes after A. */
  maxGapMin: number;
  /** Only A check-ins on these local days trigger. */
  dayKind: DayKind;
  /** Only A check-ins in these local hours (inclusive) trigger. */
  antecedentHours: [number, number];
  /** Expected |realised confidence − probability| bound (background B visits add a little). */
  tolerance: number;
}

/** Context rules (planted on routine check-ins). */
export const CONTEXT_RULES: readonly ContextRuleSpec[] = [
  { id: "riverside_weekend_evening_bar", dayKind: "weekend", hours: [18, 23], region: "Riverside", consequent: "Bar", confidence: 0.6, tolerance: 0.05 },
  { id: "old_town_weekend_afternoon_museum", dayKind: "weekend", hours: [13, 17], region: "Old Town", consequent: "Museum", confidence: 0.4, tolerance: 0.05 },
];

/** Sequence rules (planted as follow-up check-ins). */
export const SEQUENCE_RULES: readonly SequenceRuleSpec[] = [
  {
    id: "gym_then_coffee",
    antecedent: "Gym",
    consequent: "Coffee Shop",
    probability: 0.6,
    gapMin: [15, 100],
    maxGapMin: 120,
    dayKind: "any",
    antecedentHours: [0, 23],
    tolerance: 0.05,
  },
  {
    id: "office_then_lunch",
    antecedent: "Office",
    consequent: "Restaurant",
    probability: 0.45,
    gapMin: [185, 235],
    maxGapMin: 240,
    dayKind: "weekday",
    antecedentHours: [7, 10],
    tolerance: 0.05,
  },
  {
    id: "cinema_then_restaurant",
    antecedent: "Cinema",
    consequent: "Restaurant",
    probability: 0.5,
    gapMin: [100, 160],
    maxGapMin: 180,
    dayKind: "any",
    antecedentHours: [0, 23],
    tolerance: 0.05,
  },
];

/** City-wide monthly bump: every event rate × factor on these local days of the month (payday). */
export const PAYDAY = { daysOfMonth: [10, 11, 12], factor: 1.3 } as const;

/** Linear growth of every event rate: × 1 on the first day, × (1 + growthOverSpan) on the last. */
export const TREND = { growthOverSpan: 0.15 } as const;

/**
 * Monthly purchase cycle: this share of users buys at one Grocery of their home region every
 * `period` days (period uniform integer in `periodDays`, each gap + round(N(0, jitterSdDays))).
 */
export const PURCHASE_CYCLE = {
  userShare: 0.35,
  periodDays: [25, 31] as [number, number],
  jitterSdDays: 1,
  category: "Grocery" as Category,
  hourMean: 17,
  hourSd: 2,
  /** Expected |period estimated from the user's buy gaps − period| bound, days. */
  toleranceDays: 2,
};

/** Impulse buys: every user, Poisson per day with this mean × day factor, at a Mall. */
export const IMPULSE_BUYS = { ratePerUserDay: 1 / 60, category: "Mall" as Category } as const;

/** A planted change of a category's preference over time (a factor on its weight). */
export type DriftSpec =
  | { kind: "step"; category: Category; atFraction: number; factor: number }
  | { kind: "linear"; category: Category; factorStart: number; factorEnd: number };

/** Preference drift: Gym jumps at 45 % of the span; Cinema fades linearly. */
export const DRIFT: readonly DriftSpec[] = [
  { kind: "step", category: "Gym", atFraction: 0.45, factor: 2.2 },
  { kind: "linear", category: "Cinema", factorStart: 1, factorEnd: 0.45 },
];

/** Anomaly days of the daily series (dates drawn by the seed, away from paydays and each other). */
export const ANOMALIES = {
  spikes: [
    { factor: 2.6, reason: "city festival" },
    { factor: 3.0, reason: "concert night" },
    { factor: 2.2, reason: "shopping campaign" },
  ],
  outages: [{ factor: 0.12, reason: "app outage" }],
  /** Relative tolerance on the observed ratio to the weekly-seasonal median (outage: absolute 0.1). */
  relativeTolerance: 0.15,
  /** The baseline of a day: median count of the same weekday within ± this many weeks. */
  baselineWeeks: 4,
} as const;

/** Noise: per user-day Poisson(rate × day factor × share) check-ins at uniformly random POIs and times. */
export const NOISE = { share: 0.03 } as const;

/** Minimum gap between two events of a user (later events are pushed back), ms. */
export const MIN_GAP_MS = 5 * 60_000;

/** Dirty rows as fractions of the valid events (each at least 1). */
export const DIRT_RATES = {
  exact_duplicate: 0.003,
  near_duplicate: 0.0025,
  missing_coordinates: 0.002,
  missing_category: 0.002,
  lat_out_of_range: 0.0006,
  lon_out_of_range: 0.0006,
  ts_before_start: 0.0004,
  ts_after_end: 0.0004,
} as const;

/** The bots: hyperactive accounts whose events are all dirty (`hyperactive_user`). */
export const BOTS = [
  { kind: "check-in farmer", activeDays: 8, pois: 5, gapMin: [4, 9] as [number, number], hours: [0, 24] as [number, number], regionName: "Riverside" },
  { kind: "crawler", activeDays: 14, pois: 0, gapMin: [2, 4] as [number, number], hours: [1, 5] as [number, number], regionName: "" },
] as const;
