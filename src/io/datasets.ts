import { existsSync } from "fs";
import { join, resolve } from "path";
import pl from "nodejs-polars";
import { DataError } from "../util/data-error";
import { loadEvents, type LoadEventsOptions } from "./load-events";
import { loadFoursquareTist } from "./load-foursquare-tist";
import { loadMovieLens } from "./load-movielens";
import type { LoadReport } from "./load-report";
import { loadSnapCheckins } from "./load-snap-checkins";
import { loadTaobao } from "./load-taobao";
import type { ColumnMapping } from "./parse-column-mapping";

/**
 * Names `loadDataset` knows; any other name is read as a file path.
 * @example
 * ```ts
 * DATASET_NAMES.includes(process.env.DATASET as DatasetName);
 * ```
 */
export const DATASET_NAMES = ["sample", "movielens-100k", "gowalla-nyc", "foursquare-nyc", "taobao"] as const;

/** A known dataset name. */
export type DatasetName = (typeof DATASET_NAMES)[number];

/** Options of {@link loadDataset}. */
export interface LoadDatasetOptions {
  /** Folder of the real datasets. Default: env `DATA_DIR`, else `<project>/../shared/data`. */
  dataDir?: string;
  /** Folder holding the embedded sample `events.csv`. Default: `<project>/data/sample`. */
  sampleDir?: string;
  /** Column mapping for a file path (see `loadEvents`). Default: canonical header names. */
  mapping?: ColumnMapping;
  /** Other `loadEvents` options for a file path (separator, tsFormat, …). Default: none. */
  fileOptions?: Omit<LoadEventsOptions, "mapping">;
  /** Read at most this many rows (taobao, gowalla-nyc and file paths; default all). */
  nRows?: number;
}

const PROJECT_ROOT = resolve(__dirname, "..", "..");

interface Entry {
  /** Folder under the data dir (absent for the sample). */
  folder: string;
  load: (dir: string, o: LoadDatasetOptions) => { frame: pl.DataFrame; report: LoadReport };
}

const REGISTRY: Record<Exclude<DatasetName, "sample">, Entry> = {
  "movielens-100k": { folder: "movielens_100k", load: (dir) => loadMovieLens(dir, { variant: "100k", source: "movielens-100k" }) },
  "gowalla-nyc": {
    folder: "gowalla_snap_nyc",
    load: (dir, o) => {
      const spots = join(dir, "gowalla_spots_nyc.tsv");
      return loadSnapCheckins(join(dir, "loc-gowalla_totalCheckins_nyc_bbox.txt"), {
        spots: existsSync(spots) ? spots : undefined,
        source: "gowalla-nyc",
        nRows: o.nRows,
      });
    },
  },
  "foursquare-nyc": {
    folder: "foursquare_tist2015_nyc_subset",
    load: (dir) => loadFoursquareTist(join(dir, "US_NewYork_POIS_Coords_shortCompleto2.txt"), { source: "foursquare-nyc" }),
  },
  taobao: { folder: "taobao", load: (dir, o) => loadTaobao(join(dir, "UserBehavior.csv"), { source: "taobao", nRows: o.nRows }) },
};

/**
 * Where the real datasets are: env `DATA_DIR` when set, else `<project>/../shared/data`.
 * @example
 * ```ts
 * defaultDataDir(); // "/work/shared/data"
 * ```
 */
export function defaultDataDir(env: Record<string, string | undefined> = process.env): string {
  return resolve(env.DATA_DIR?.trim() || resolve(PROJECT_ROOT, "..", "shared", "data"));
}

/**
 * Loads a dataset by name into the canonical event schema:
 *
 * | name             | source                                                                          |
 * |------------------|---------------------------------------------------------------------------------|
 * | `sample`         | `<sampleDir>/events.csv`, the embedded canonical sample                          |
 * | `movielens-100k` | `<dataDir>/movielens_100k/` (`loadMovieLens`, variant 100k)                       |
 * | `gowalla-nyc`    | `<dataDir>/gowalla_snap_nyc/loc-gowalla_totalCheckins_nyc_bbox.txt` + spot names   |
 * | `foursquare-nyc` | `<dataDir>/foursquare_tist2015_nyc_subset/US_NewYork_POIS_Coords_shortCompleto2.txt` |
 * | `taobao`         | `<dataDir>/taobao/UserBehavior.csv`                                               |
 * | anything else    | a CSV / Parquet file path read by `loadEvents` with `mapping`                      |
 *
 * @param name - a {@link DATASET_NAMES} entry or a file path.
 * @param options - data / sample folders, mapping; see {@link LoadDatasetOptions}.
 * @returns `{ frame, report }` as returned by the loader.
 * @throws DataError saying which path was looked for (and that `DATA_DIR` sets the data folder)
 *   when a dataset folder is missing, or listing the known names when `name` is neither a
 *   dataset nor an existing file.
 * @example
 * ```ts
 * const { frame, report } = loadDataset("gowalla-nyc", { dataDir: "/work/shared/data" });
 * const mine = loadDataset("trips.csv", { mapping: parseColumnMapping("user=uid,item=poi,ts=time") });
 * ```
 */
export function loadDataset(name: string, options: LoadDatasetOptions = {}): { frame: pl.DataFrame; report: LoadReport } {
  if (name === "sample") {
    const dir = resolve(options.sampleDir ?? join(PROJECT_ROOT, "data", "sample"));
    const file = join(dir, "events.csv");
    if (!existsSync(file)) throw new DataError("sample dataset not found: looked for this file (options.sampleDir sets its folder)", { file });
    return loadEvents(file, { tsFormat: "iso", source: "sample" });
  }
  if (name in REGISTRY) {
    const entry = REGISTRY[name as keyof typeof REGISTRY];
    const dataDir = resolve(options.dataDir ?? defaultDataDir());
    const dir = join(dataDir, entry.folder);
    if (!existsSync(dir)) {
      throw new DataError(
        `dataset '${name}' not found: looked for this folder; set DATA_DIR (or options.dataDir, now ${dataDir}) to the folder that holds ${entry.folder}/`,
        { file: dir },
      );
    }
    return entry.load(dir, options);
  }
  if (!existsSync(name)) {
    throw new DataError(`neither a known dataset (${DATASET_NAMES.join(", ")}) nor an existing file`, { file: name });
  }
  return loadEvents(name, { ...options.fileOptions, mapping: options.mapping, nRows: options.nRows ?? options.fileOptions?.nRows });
}
