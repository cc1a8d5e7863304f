/**
 * Test helpers for the time-series tests: where the shared data and R reference files live
 * (never copied into the project; tests skip when absent) and a seeded ARMA simulator.
 */
import { existsSync, readFileSync } from "fs";
import { join, resolve } from "path";
import { createRng } from "../../src/util/rng";

const PROJECT_ROOT = resolve(__dirname, "..", "..");

/** `DATA_DIR` (default `<project>/../shared/data`). */
export const DATA_DIR = resolve(process.env.DATA_DIR?.trim() || join(PROJECT_ROOT, "..", "shared", "data"));
/** `REFERENCE_DIR` (default `<project>/../shared/reference`). */
export const REFERENCE_DIR = resolve(process.env.REFERENCE_DIR?.trim() || join(PROJECT_ROOT, "..", "shared", "reference"));

export const AIR_FILE = join(DATA_DIR, "airpassengers", "AirPassengers.csv");
export const GOWALLA_FILE = join(REFERENCE_DIR, "gowalla_nyc_daily_checkins.csv");
export const hasAir = existsSync(AIR_FILE);
export const hasGowalla = existsSync(GOWALLA_FILE);
export const hasAirReference = hasAir && existsSync(join(REFERENCE_DIR, "airpassengers_autoarima_forecast.csv"));

/** Second column of a small CSV with a header line, as numbers. */
export function readColumn(file: string, column = 1): number[] {
  return readFileSync(file, "utf8")
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => Number(line.split(",")[column]));
}

/** Rows of a reference CSV (header dropped, quotes stripped) as numbers. */
export function readReference(name: string): number[][] {
  return readFileSync(join(REFERENCE_DIR, name), "utf8")
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(",").map((v) => Number(v.replace(/"/g, ""))));
}

/**
 * Simulates y_t = Σ phi_i y_{t−i} + e_t + Σ theta_j e_{t−j}, e ~ N(0, sigma²), after a burn-in
 * of 200 values (phi/theta are the expanded polynomials, seasonal terms included).
 */
export function simulateArma(phi: number[], theta: number[], n: number, seed: number, sigma = 1): Float64Array {
  const rng = createRng(seed);
  const burn = 200;
  const total = n + burn;
  const e = Float64Array.from({ length: total }, () => sigma * rng.normal());
  const y = new Float64Array(total);
  for (let t = 0; t < total; t++) {
    let v = e[t];
    for (let i = 0; i < phi.length && t - i - 1 >= 0; i++) v += phi[i] * y[t - i - 1];
    for (let j = 0; j < theta.length && t - j - 1 >= 0; j++) v += theta[j] * e[t - j - 1];
    y[t] = v;
  }
  return y.slice(burn);
}

/** Cumulative sum (integrates a simulated series once). */
export function cumsum(x: ArrayLike<number>, start = 0): Float64Array {
  const out = new Float64Array(x.length);
  let s = start;
  for (let i = 0; i < x.length; i++) out[i] = s += x[i];
  return out;
}
