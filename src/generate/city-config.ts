/**
 * The fictional city of the synthetic dataset: venue categories, six districts around
 * Shanghai's coordinates (about 31.23 N, 121.47 E) and the words POI names are built from.
 * Pure data: {@link buildCity} turns it into POIs.
 */

/** Venue categories of the synthetic city, in a fixed order (their index is used internally). */
export const CATEGORIES = [
  "Coffee Shop",
  "Restaurant",
  "Bar",
  "Gym",
  "Office",
  "University",
  "Park",
  "Grocery",
  "Mall",
  "Cinema",
  "Metro Station",
  "Museum",
] as const;

/** One venue category of the synthetic city. */
export type Category = (typeof CATEGORIES)[number];

/** Relative weights over categories; a missing category has weight 0. */
export type CategoryWeights = Partial<Record<Category, number>>;

/** Local time of the city: UTC+8 all year (no daylight saving time). */
export const TZ_OFFSET_MIN = 480;

/** A district of the synthetic city. Districts are disjoint discs. */
export interface RegionSpec {
  /** Display name, also the region id in the ground truth. */
  name: string;
  /** Centre latitude, degrees. */
  lat: number;
  /** Centre longitude, degrees. */
  lon: number;
  /** Radius in km; POIs and homes lie inside this disc. */
  radiusKm: number;
  /** Share of the city's POIs placed here (normalised over regions). */
  poiShare: number;
  /** Pull on leisure trips: a leisure event goes to a region with probability ∝ attraction (home region ×3). */
  attraction: number;
  /** Category mix of the region's POIs; it also weights which category a visitor chooses here. */
  mix: CategoryWeights;
}

/**
 * The six districts. Centres are 3.5 km or more apart and no two discs overlap, so
 * a coordinate belongs to at most one region (the one whose disc contains it).
 */
export const REGIONS: readonly RegionSpec[] = [
  {
    name: "Old Town",
    lat: 31.228,
    lon: 121.482,
    radiusKm: 1.6,
    poiShare: 0.2,
    attraction: 3,
    mix: { Restaurant: 5, "Coffee Shop": 3, Museum: 2, Park: 2, Bar: 1, Grocery: 2, Mall: 2, Cinema: 1, "Metro Station": 2, Gym: 1, Office: 1.5 },
  },
  {
    name: "Riverside",
    lat: 31.25,
    lon: 121.51,
    radiusKm: 1.3,
    poiShare: 0.15,
    attraction: 3.5,
    mix: { Bar: 6, Restaurant: 4, Cinema: 2, "Coffee Shop": 2, Mall: 1, "Metro Station": 1, Park: 1, Gym: 1, Museum: 1, Grocery: 0.5 },
  },
  {
    name: "Financial District",
    lat: 31.236,
    lon: 121.548,
    radiusKm: 1.5,
    poiShare: 0.17,
    attraction: 1,
    mix: { Office: 6, "Coffee Shop": 4, Restaurant: 3, "Metro Station": 2, Gym: 2, Mall: 1, Bar: 1, Grocery: 0.5 },
  },
  {
    name: "University Town",
    lat: 31.3,
    lon: 121.5,
    radiusKm: 2,
    poiShare: 0.16,
    attraction: 1.2,
    mix: { University: 3, "Coffee Shop": 3, Restaurant: 3, Gym: 1.5, Grocery: 1.5, Park: 1, Cinema: 1, Bar: 1, "Metro Station": 1 },
  },
  {
    name: "Greenfield",
    lat: 31.185,
    lon: 121.44,
    radiusKm: 2.5,
    poiShare: 0.18,
    attraction: 1,
    mix: { Grocery: 4, Park: 3, Restaurant: 3, Gym: 2, Mall: 2, "Coffee Shop": 2, "Metro Station": 1.5, Cinema: 1, Office: 0.5, Bar: 0.5 },
  },
  {
    name: "Tech Park",
    lat: 31.2,
    lon: 121.59,
    radiusKm: 2,
    poiShare: 0.14,
    attraction: 0.6,
    mix: { Office: 5, "Coffee Shop": 3, Restaurant: 3, Gym: 2, "Metro Station": 1.5, Grocery: 1, Mall: 1, Bar: 0.5 },
  },
];

/** First words of POI names ("Jade Coffee Shop"); a region suffix and a number break ties. */
export const NAME_WORDS: readonly string[] = [
  "Jade", "Lotus", "Golden", "Silver", "Red Lantern", "Blue Moon", "Harbour", "Bamboo",
  "Peony", "Willow", "Phoenix", "Pearl", "Orchid", "Cloud", "River", "Maple",
  "Sunrise", "Starlight", "Old Well", "Stone Bridge", "Silk Road", "Lucky", "Plum Blossom", "Tea Garden",
  "Crane", "Dragon Gate", "East Wind", "North Star", "Magnolia", "Ginkgo", "Lantern", "Panda",
  "Azure", "Camellia", "Cedar", "Coral", "Emerald", "Firefly", "Garden Gate", "Harmony",
  "Iris", "Ivory", "Jasmine", "Kite", "Lily", "Moonlight", "Nightingale", "Osmanthus",
  "Pagoda", "Pine", "Rainbow", "Sapphire", "Seagull", "Spring", "Sunflower", "Swallow",
  "Tulip", "Union", "Violet", "West Lake", "White Horse", "Wisteria", "Yangtze", "Zen",
];
