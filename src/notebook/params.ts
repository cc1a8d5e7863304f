import { resolve } from "path";
import { SEED } from "../schema";

/** Notebook parameters, read from the environment (the `parameters` cell of every notebook). */
export interface NotebookParams {
  /** `DATASET`: `sample` (default), `movielens-100k`, `gowalla-nyc`, `foursquare-nyc`, `taobao`, or a file path. */
  dataset: string;
  /** `DATA_DIR`: folder of the shared real datasets. Default: `<project>/../shared/data`. */
  dataDir: string;
  /** `DATASET_COLUMNS`: column mapping for a file path dataset, e.g. `user=uid,item=poi,ts=time`. */
  columns?: string;
  /** `SEED`: seed of every random step. Default 42. */
  seed: number;
  /** `SAMPLE_USERS`: keep a seeded random subset of this many users (0 or unset = all). */
  sampleUsers: number;
  /** Project root (absolute). */
  projectRoot: string;
}

/** Absolute path of the project root (the folder holding `package.json`). */
export const PROJECT_ROOT = resolve(__dirname, "..", "..");

function intParam(env: Record<string, string | undefined>, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const v = Number(raw);
  if (!Number.isInteger(v) || v < min) throw new Error(`${name} must be an integer ≥ ${min}, got '${raw}'`);
  return v;
}

/**
 * Reads the notebook parameters from environment variables, validating each one.
 *
 * @example
 * ```ts
 * const P = readParams();            // DATASET=gowalla-nyc SEED=7 npm start -- 01
 * P.dataset; // "gowalla-nyc"
 * ```
 */
export function readParams(env: Record<string, string | undefined> = process.env): NotebookParams {
  const dataset = (env.DATASET ?? "").trim() || "sample";
  return {
    dataset,
    dataDir: resolve(env.DATA_DIR?.trim() || resolve(PROJECT_ROOT, "..", "shared", "data")),
    columns: env.DATASET_COLUMNS?.trim() || undefined,
    seed: intParam(env, "SEED", SEED, 0),
    sampleUsers: intParam(env, "SAMPLE_USERS", 0, 0),
    projectRoot: PROJECT_ROOT,
  };
}
