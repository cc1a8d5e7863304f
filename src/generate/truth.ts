import type { Category, CategoryWeights } from "./city-config";
import type { ContextRuleSpec, SequenceRuleSpec } from "./pattern-config";
import type { UserType, UserTypeSpec } from "./rhythm-config";

/**
 * The ground truth written beside the synthetic events: every planted pattern with its
 * parameters, and what was realised in the valid events (the rows left after removing every
 * dirty row, i.e. what a cleaning pipeline that drops bad rows should keep).
 *
 * Conventions: local time is UTC+8 (`tzOffsetMin` 480); dates are local `YYYY-MM-DD`;
 * instants are ISO-8601 UTC; hour ranges `[a, b]` are inclusive local hours; weekday index
 * 0 = Monday … 6 = Sunday; "weekend" = local Saturday and Sunday. The object is plain
 * JSON (no Dates, no Maps, no undefined).
 */
export interface GroundTruth {
  /** Bumped when the layout of this object changes. */
  version: 1;
  generator: { name: "generateEvents"; options: ResolvedGenerateOptions };
  window: WindowTruth;
  counts: CountsTruth;
  categories: Category[];
  regions: RegionTruth[];
  pois: PoiTruth[];
  users: UserTruth[];
  rhythm: RhythmTruth;
  monthly: MonthlyTruth;
  trend: { growthOverSpan: number };
  contextRules: ContextRuleTruth[];
  sequenceRules: SequenceRuleTruth[];
  drift: DriftTruth[];
  anomalies: AnomalyTruth[];
  hotspots: HotspotTruth[];
  noise: { share: number; events: number };
  dirty: DirtyTruth;
}

/** Options of a generation run after defaults were applied (see `GenerateOptions`). */
export interface ResolvedGenerateOptions {
  seed: number;
  users: number;
  days: number;
  start: string;
  pois: number;
  eventsPerUserDay: number;
  dirty: boolean;
}

/** The time span of the valid events: local days `[startLocal, endLocalExclusive)`. */
export interface WindowTruth {
  startLocal: string;
  endLocalExclusive: string;
  days: number;
  tzOffsetMin: number;
  /** First valid instant (UTC), inclusive. */
  startUtc: string;
  /** End of the window (UTC), exclusive. */
  endUtc: string;
}

/** Row counts of the generated frame. */
export interface CountsTruth {
  /** Rows of the frame (valid + dirty). */
  rows: number;
  /** Valid rows (no defect of any kind). */
  valid: number;
  /** Valid `check-in` rows. */
  checkIns: number;
  /** Valid `buy` rows. */
  buys: number;
  /** Valid rows by origin. */
  bySource: { routine: number; followUp: number; noise: number; cycleBuy: number; impulseBuy: number };
  /** Real users (bots excluded). */
  users: number;
  pois: number;
}

/** A district: disc of `radiusKm` around (lat, lon). */
export interface RegionTruth {
  name: string;
  lat: number;
  lon: number;
  radiusKm: number;
  attraction: number;
  /** Category mix used for POI placement and choice. */
  mix: CategoryWeights;
  /** POIs placed in the region. */
  pois: number;
}

/** One POI (item). */
export interface PoiTruth {
  item: string;
  name: string;
  category: Category;
  region: string;
  lat: number;
  lon: number;
  /** Relative popularity (log-normal, mean ≈ 1) weighting its choice within region and category. */
  popularity: number;
}

/** A point with its region. */
export interface PlaceTruth {
  region: string;
  lat: number;
  lon: number;
}

/** One real user. */
export interface UserTruth {
  user: string;
  type: UserType;
  home: PlaceTruth;
  work: PlaceTruth;
  /** Expected events per day before day factors (routine check-ins). */
  rate: number;
  /** Favourite POIs (items), chosen with probability `favouriteProbability` when in the region. */
  favourites: string[];
  /** The user's monthly purchase cycle, or null. */
  purchaseCycle: PurchaseCycleTruth | null;
}

/** A user's planted purchase cycle. */
export interface PurchaseCycleTruth {
  /** The Grocery where every cycle buy happens. */
  item: string;
  /** Planted period, days. */
  periodDays: number;
  jitterSdDays: number;
  /** Local dates of the cycle buys in the valid events. */
  buyDates: string[];
}

/** The planted daily and weekly rhythm and its realised shape. */
export interface RhythmTruth {
  userTypes: UserTypeSpec[];
  /** Rate multiplier by local weekday (0 = Monday). */
  weekdayFactors: number[];
  /** Planted peak local hours of the hour-of-day histogram. */
  peakHours: { weekday: number[]; weekend: number[] };
  /** Probability of choosing a favourite POI when one of the chosen category is in the region. */
  favouriteProbability: number;
  realised: {
    /** Share of valid events by local hour, Monday–Friday and Saturday–Sunday. */
    hourShareWeekday: number[];
    hourShareWeekend: number[];
    /** Mean valid events per local day by weekday (0 = Monday), anomaly and payday days excluded. */
    meanDailyByWeekday: number[];
  };
}

/** Monthly patterns: a city-wide payday bump and per-user purchase cycles. */
export interface MonthlyTruth {
  payday: { daysOfMonth: number[]; factor: number; realisedRatio: number };
  purchaseCycle: { userShare: number; periodDays: [number, number]; jitterSdDays: number; category: Category; toleranceDays: number; users: number };
  impulseBuys: { ratePerUserDay: number; category: Category };
}

/** What a rule looks like in the valid check-ins. */
export interface RuleRealised {
  /** Check-ins (or eligible antecedent check-ins) matching the antecedent. */
  antecedentCount: number;
  /** Of those, the ones with the consequent. */
  bothCount: number;
  confidence: number;
  /**
   * Context rules: share of the consequent among all valid check-ins. Sequence rules: share of
   * eligible check-ins of other categories that are followed by B within the window.
   */
  baseRate: number;
  lift: number;
  /** bothCount / valid check-ins. */
  support: number;
}

/** A planted context rule and its realised strength. */
export interface ContextRuleTruth extends ContextRuleSpec {
  realised: RuleRealised;
}

/** A planted sequence rule and its realised strength. */
export interface SequenceRuleTruth extends SequenceRuleSpec {
  /** Follow-up check-ins generated for the rule. */
  followUps: number;
  realised: RuleRealised;
}

/** A planted preference drift and the realised category share around it. */
export interface DriftTruth {
  kind: "step" | "linear";
  category: Category;
  /** Step: the local date from which the factor applies. */
  date: string | null;
  /** Step: factor after the date; linear: factor at the start and at the end. */
  factor: number | null;
  factorStart: number | null;
  factorEnd: number | null;
  realised: {
    /** Share of the category among valid check-ins before / after (step: the date; linear: first / last 30 days). */
    shareBefore: number;
    shareAfter: number;
  };
}

/** A planted anomaly day of the daily series. */
export interface AnomalyTruth {
  date: string;
  kind: "spike" | "outage";
  factor: number;
  reason: string;
  realised: {
    /** Valid events on that local day. */
    count: number;
    /** Median count of the same weekday within ± `baselineWeeks` weeks (anomaly and payday days excluded). */
    baseline: number;
    ratio: number;
  };
  tolerance: { relative: number; baselineWeeks: number };
}

/** A spatial hotspot: a region ranked by valid events per km². */
export interface HotspotTruth {
  region: string;
  lat: number;
  lon: number;
  radiusKm: number;
  attraction: number;
  events: number;
  eventsPerKm2: number;
  rank: number;
}

/** The kinds of dirty rows, named like the cleaning reasons of `src/clean`. */
export type DirtyKind =
  | "exact_duplicate"
  | "near_duplicate"
  | "missing_coordinates"
  | "missing_category"
  | "lat_out_of_range"
  | "lon_out_of_range"
  | "ts_before_start"
  | "ts_after_end"
  | "hyperactive_user";

/** Dirty rows by kind; every dirty row has exactly one kind. */
export interface DirtyTruth {
  counts: Record<DirtyKind, number>;
  total: number;
  definitions: Record<DirtyKind, string>;
  bots: { user: string; kind: string; events: number; days: number }[];
}
