import type { CategoryWeights } from "./city-config";

/**
 * The daily and weekly rhythm of the synthetic users. Pure data, recorded verbatim in
 * the ground truth.
 *
 * A user's events per local day are Poisson with mean `rate × dayFactor(day)`; each event
 * picks a slot by `weight` (the weights of a day kind sum to 1), its local hour is
 * `peakHour + sdHours × N(0, 1)` wrapped into [0, 24) (after-midnight activity stays on its day), its region follows the slot's anchor and its category the
 * slot's category weights times the region's category mix.
 */

/** The kinds of synthetic users. */
export type UserType = "office_worker" | "student" | "night_owl" | "homebody";

/** Where a slot's events happen: near home, near work, or in a leisure region. */
export type Anchor = "home" | "work" | "leisure";

/** One bump of a user type's daily profile. */
export interface Slot {
  /** Slot name, e.g. `commute_am`. */
  name: string;
  /** Centre of the bump, local hours (the drawn hour wraps modulo 24). */
  peakHour: number;
  /** Standard deviation of the local hour, hours. */
  sdHours: number;
  /** Share of the day's events in this slot. */
  weight: number;
  /** Region of the events: home region (85 %, else leisure), work region, or a leisure region. */
  anchor: Anchor;
  /** Relative category weights (multiplied by the chosen region's mix). */
  categories: CategoryWeights;
}

/** How one user type lives. */
export interface UserTypeSpec {
  type: UserType;
  /** Share of the users of this type. */
  share: number;
  /** Relative event rate of the type (the mean over users of a type is this × `eventsPerUserDay`). */
  activity: number;
  /** Home region → weight. */
  homeRegions: Record<string, number>;
  /** Work region → weight (homebodies "work" near home: volunteering, errands). */
  workRegions: Record<string, number>;
  /** Profile of Monday–Friday. */
  weekday: Slot[];
  /** Profile of Saturday and Sunday. */
  weekend: Slot[];
}

/** Probability that a "home" slot event happens in the home region (else a leisure region). */
export const HOME_ANCHOR_PROBABILITY = 0.85;

/** Leisure regions are drawn ∝ attraction, the home region's attraction × this boost. */
export const HOME_LEISURE_BOOST = 3;

/** Probability of choosing a favourite POI when the user has one of the category in the region. */
export const FAVOURITE_PROBABILITY = 0.5;

/** Multiplier of every user's event rate by local weekday, Monday first. */
export const WEEKDAY_FACTORS: readonly number[] = [0.95, 0.95, 1.0, 1.0, 1.1, 1.3, 1.2];

/**
 * Local hours that are the highest local maxima of the hour-of-day histogram of the clean
 * events (weekday: morning commute, lunch, evening commute; weekend: late morning,
 * afternoon, evening).
 */
export const PEAK_HOURS = { weekday: [8, 12, 18], weekend: [11, 15, 20] } as const;

/** The four user types with their shares and daily profiles. */
export const USER_TYPES: readonly UserTypeSpec[] = [
  {
    type: "office_worker",
    share: 0.45,
    activity: 1.0,
    homeRegions: { Greenfield: 35, "Old Town": 20, "Tech Park": 15, "University Town": 10, Riverside: 10, "Financial District": 10 },
    workRegions: { "Financial District": 50, "Tech Park": 35, "Old Town": 15 },
    weekday: [
      { name: "commute_am", peakHour: 8.3, sdHours: 0.25, weight: 0.22, anchor: "home", categories: { "Metro Station": 1 } },
      { name: "office_arrival", peakHour: 8.75, sdHours: 0.2, weight: 0.28, anchor: "work", categories: { Office: 1 } },
      { name: "afternoon", peakHour: 15, sdHours: 1.5, weight: 0.08, anchor: "work", categories: { "Coffee Shop": 3, Office: 1 } },
      { name: "commute_pm", peakHour: 18.45, sdHours: 0.25, weight: 0.17, anchor: "work", categories: { "Metro Station": 1 } },
      {
        name: "evening",
        peakHour: 20,
        sdHours: 1.3,
        weight: 0.25,
        anchor: "leisure",
        categories: { Restaurant: 3, Gym: 2.5, Bar: 1.5, Cinema: 1, Mall: 1, Grocery: 1.5, "Coffee Shop": 0.5, Park: 0.5 },
      },
    ],
    weekend: [
      { name: "morning", peakHour: 11.3, sdHours: 0.8, weight: 0.3, anchor: "home", categories: { Park: 2, Gym: 2, "Coffee Shop": 2, Grocery: 2 } },
      {
        name: "afternoon",
        peakHour: 15.4,
        sdHours: 0.9,
        weight: 0.37,
        anchor: "leisure",
        categories: { Mall: 3, Restaurant: 2, Cinema: 1.5, "Coffee Shop": 2, Museum: 1, Park: 1 },
      },
      { name: "evening", peakHour: 20.4, sdHours: 0.9, weight: 0.33, anchor: "leisure", categories: { Restaurant: 3, Bar: 3, Cinema: 2 } },
    ],
  },
  {
    type: "student",
    share: 0.25,
    activity: 1.2,
    homeRegions: { "University Town": 70, Greenfield: 10, "Old Town": 10, Riverside: 10 },
    workRegions: { "University Town": 1 },
    weekday: [
      { name: "campus_am", peakHour: 9.6, sdHours: 0.6, weight: 0.22, anchor: "work", categories: { University: 3, "Coffee Shop": 1.5 } },
      { name: "lunch", peakHour: 12.5, sdHours: 0.35, weight: 0.22, anchor: "work", categories: { Restaurant: 3, "Coffee Shop": 1 } },
      { name: "afternoon", peakHour: 15.5, sdHours: 1.5, weight: 0.16, anchor: "work", categories: { University: 2, "Coffee Shop": 2, Gym: 1, Park: 0.5 } },
      {
        name: "evening",
        peakHour: 20.5,
        sdHours: 1.4,
        weight: 0.4,
        anchor: "leisure",
        categories: { Restaurant: 2, Bar: 2, Cinema: 1.5, Gym: 1.5, "Coffee Shop": 1, Mall: 1 },
      },
    ],
    weekend: [
      { name: "midday", peakHour: 13.2, sdHours: 1.5, weight: 0.4, anchor: "leisure", categories: { "Coffee Shop": 2, Mall: 2, Restaurant: 2, Park: 1, Museum: 1 } },
      { name: "evening", peakHour: 20.8, sdHours: 1.0, weight: 0.6, anchor: "leisure", categories: { Bar: 3, Restaurant: 2, Cinema: 2, "Coffee Shop": 0.5 } },
    ],
  },
  {
    type: "night_owl",
    share: 0.15,
    activity: 1.1,
    homeRegions: { Riverside: 40, "Old Town": 30, "University Town": 15, Greenfield: 15 },
    workRegions: { Riverside: 50, "Old Town": 50 },
    weekday: [
      { name: "afternoon", peakHour: 16, sdHours: 1.5, weight: 0.3, anchor: "home", categories: { "Coffee Shop": 2, Gym: 1.5, Grocery: 1.5, Restaurant: 1 } },
      { name: "night", peakHour: 22.5, sdHours: 1.4, weight: 0.7, anchor: "leisure", categories: { Bar: 4, Restaurant: 2, Cinema: 1.5, "Coffee Shop": 0.5 } },
    ],
    weekend: [
      { name: "afternoon", peakHour: 16, sdHours: 1.5, weight: 0.25, anchor: "home", categories: { "Coffee Shop": 2, Gym: 1.5, Grocery: 1.5, Restaurant: 1 } },
      { name: "night", peakHour: 22.8, sdHours: 1.4, weight: 0.75, anchor: "leisure", categories: { Bar: 4, Restaurant: 2, Cinema: 1.5, "Coffee Shop": 0.5 } },
    ],
  },
  {
    type: "homebody",
    share: 0.15,
    activity: 0.8,
    homeRegions: { Greenfield: 50, "Old Town": 30, "Tech Park": 10, "University Town": 10 },
    workRegions: {},
    weekday: [
      { name: "morning", peakHour: 9.8, sdHours: 1.1, weight: 0.55, anchor: "home", categories: { Park: 3, Grocery: 3, "Coffee Shop": 1, Museum: 0.5 } },
      {
        name: "afternoon",
        peakHour: 15,
        sdHours: 1.4,
        weight: 0.45,
        anchor: "home",
        categories: { Grocery: 1.5, Mall: 1.5, Park: 1.5, Museum: 1, Restaurant: 1, Cinema: 0.5 },
      },
    ],
    weekend: [
      { name: "morning", peakHour: 11.0, sdHours: 0.9, weight: 0.5, anchor: "home", categories: { Park: 3, Grocery: 2, "Coffee Shop": 1 } },
      { name: "afternoon", peakHour: 15, sdHours: 1.2, weight: 0.5, anchor: "leisure", categories: { Mall: 2, Museum: 1.5, Park: 1.5, Restaurant: 1.5 } },
    ],
  },
];
