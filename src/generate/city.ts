import type { Rng } from "../util/rng";
import { CATEGORIES, NAME_WORDS, REGIONS, type RegionSpec } from "./city-config";

/** One POI of the synthetic city (internal form; `item` is its public id). */
export interface Poi {
  index: number;
  item: string;
  name: string;
  /** Index into {@link CATEGORIES}. */
  cat: number;
  /** Index into {@link REGIONS}. */
  region: number;
  lat: number;
  lon: number;
  popularity: number;
}

/** The city: regions, POIs and lookup tables. */
export interface City {
  regions: readonly RegionSpec[];
  pois: Poi[];
  /** `byRegionCat[r][c]`: indices of the POIs of category c in region r. */
  byRegionCat: number[][][];
  /** Popularity weights aligned with `byRegionCat`. */
  popRegionCat: number[][][];
  /** `regionsByDistance[r]`: region indices sorted by centre distance from region r (r first). */
  regionsByDistance: number[][];
}

const KM_PER_DEG_LAT = 111.32;

/**
 * Rounds to 6 decimals (the precision written to CSV).
 * @example
 * ```ts
 * round6(31.2345678); // 31.234568
 * ```
 */
export function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/**
 * A uniform random point inside a region's disc, rounded to 6 decimals.
 * @example
 * ```ts
 * const { lat, lon } = randomPointIn(REGIONS[0], createRng(1));
 * ```
 */
export function randomPointIn(region: RegionSpec, rng: Rng): { lat: number; lon: number } {
  const theta = 2 * Math.PI * rng.next();
  const rho = region.radiusKm * Math.sqrt(rng.next());
  const lat = region.lat + (rho * Math.cos(theta)) / KM_PER_DEG_LAT;
  const lon = region.lon + (rho * Math.sin(theta)) / (KM_PER_DEG_LAT * Math.cos((region.lat * Math.PI) / 180));
  return { lat: round6(lat), lon: round6(lon) };
}

/**
 * Splits `total` into integer parts proportional to `weights` (largest remainder, ties to the lower index).
 * @example
 * ```ts
 * apportion(7, [0.5, 0.25, 0.25]); // [3, 2, 2]
 * ```
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((s, x) => s + x, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k][1]]++;
  return out;
}

function regionDistanceKm(a: RegionSpec, b: RegionSpec): number {
  const dy = (a.lat - b.lat) * KM_PER_DEG_LAT;
  const dx = (a.lon - b.lon) * KM_PER_DEG_LAT * Math.cos((((a.lat + b.lat) / 2) * Math.PI) / 180);
  return Math.hypot(dx, dy);
}

/**
 * Places `nPois` POIs in the six regions: region counts follow `poiShare`, every category of a
 * region's mix gets at least one POI and the rest follow the mix; positions are uniform in the
 * region's disc; popularity is log-normal (σ = 0.8, mean 1); item ids `p0001…` are assigned in
 * a shuffled order so they carry no region or category information.
 *
 * @param rng generator of the city component.
 * @param nPois number of POIs (≥ 100).
 * @returns the city.
 * @example
 * ```ts
 * const city = buildCity(createRng(42), 600);
 * city.pois.length; // 600
 * ```
 */
export function buildCity(rng: Rng, nPois: number): City {
  const nc = CATEGORIES.length;
  const perRegion = apportion(
    nPois,
    REGIONS.map((r) => r.poiShare),
  );
  const specs: { cat: number; region: number }[] = [];
  REGIONS.forEach((region, r) => {
    const weights = CATEGORIES.map((c) => region.mix[c] ?? 0);
    const present = weights.filter((w) => w > 0).length;
    const rest = apportion(Math.max(0, perRegion[r] - present), weights);
    weights.forEach((w, c) => {
      const n = w > 0 ? 1 + rest[c] : 0;
      for (let k = 0; k < n; k++) specs.push({ cat: c, region: r });
    });
  });
  const ids = specs.map((_, i) => i);
  rng.shuffle(ids);
  const width = Math.max(4, String(specs.length).length);
  const taken = new Set<string>();
  const pois: Poi[] = specs.map((s, i) => {
    const region = REGIONS[s.region];
    const { lat, lon } = randomPointIn(region, rng);
    const popularity = Math.round(Math.exp(0.8 * rng.normal() - 0.32) * 1e4) / 1e4;
    const label = `${NAME_WORDS[rng.int(NAME_WORDS.length)]} ${CATEGORIES[s.cat]}`;
    let name = label;
    if (taken.has(name)) name = `${label} ${region.name}`;
    for (let k = 2; taken.has(name); k++) name = `${label} ${region.name} ${k}`;
    taken.add(name);
    const item = `p${String(ids[i] + 1).padStart(width, "0")}`;
    return { index: i, item, name, cat: s.cat, region: s.region, lat, lon, popularity };
  });
  const byRegionCat = REGIONS.map(() => Array.from({ length: nc }, () => [] as number[]));
  const popRegionCat = REGIONS.map(() => Array.from({ length: nc }, () => [] as number[]));
  for (const p of pois) {
    byRegionCat[p.region][p.cat].push(p.index);
    popRegionCat[p.region][p.cat].push(p.popularity);
  }
  const regionsByDistance = REGIONS.map((a, r) =>
    REGIONS.map((b, q) => ({ q, d: q === r ? -1 : regionDistanceKm(a, b) }))
      .sort((x, y) => x.d - y.d)
      .map((x) => x.q),
  );
  return { regions: REGIONS, pois, byRegionCat, popRegionCat, regionsByDistance };
}

/**
 * The nearest region to `region` (itself first) that has a POI of category `cat`, or −1.
 * @example
 * ```ts
 * nearestRegionWith(city, riverside, CATEGORIES.indexOf("University")); // University Town's index
 * ```
 */
export function nearestRegionWith(city: City, region: number, cat: number): number {
  for (const q of city.regionsByDistance[region]) if (city.byRegionCat[q][cat].length > 0) return q;
  return -1;
}
