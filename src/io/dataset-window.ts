import { existsSync, readFileSync } from "fs";
import { join, resolve } from "path";
import { DataError } from "../util/data-error";

/**
 * The collection period of a dataset, as `dropImpossible` reads it: an event is inside when
 * `start <= ts <= end`. Both bounds are inclusive UTC instants; `end` is the last millisecond
 * of the period (its exclusive end − 1 ms), so a documented period "until D (exclusive)" keeps
 * an event at D − 1 ms and drops one at D.
 *
 * @example
 * ```ts
 * const w: TimeWindow = { start: new Date("2024-01-01T00:00:00Z"), end: new Date("2024-12-31T23:59:59.999Z"), source: "my survey" };
 * ```
 */
export interface TimeWindow {
  /** First instant inside the period (UTC). */
  start: Date;
  /** Last instant inside the period (UTC, inclusive). */
  end: Date;
  /** Where the period comes from (documentation or file), for notebooks to print. */
  source: string;
}

/** Options of {@link datasetWindow}. */
export interface DatasetWindowOptions {
  /** Project root (holds `data/sample`). Default: two folders above this file. */
  projectRoot?: string;
  /** Folder of the embedded sample and its `ground-truth.json`. Default: `<projectRoot>/data/sample`. */
  sampleDir?: string;
  /**
   * Accepted so that `loadDataset`'s options can be passed unchanged; not read: the periods of
   * the real datasets are documented constants. Default: unused.
   */
  dataDir?: string;
}

const PROJECT_ROOT = resolve(__dirname, "..", "..");
const MS_PER_MINUTE = 60_000;

/** A period given as local calendar days [first, afterLast) at a fixed offset from UTC. */
function localDays(first: string, afterLast: string, offsetMin: number, source: string): TimeWindow {
  const start = Date.parse(`${first}T00:00:00Z`) - offsetMin * MS_PER_MINUTE;
  const endExclusive = Date.parse(`${afterLast}T00:00:00Z`) - offsetMin * MS_PER_MINUTE;
  return { start: new Date(start), end: new Date(endExclusive - 1), source };
}

/**
 * Documented collection periods of the real registry datasets. Each was checked against the
 * files in `DATA_DIR` (first and last timestamp, see test/io/dataset-window.test.ts):
 * - `movielens-100k`: "collected … during the seven-month period from September 19th, 1997
 *   through April 22nd, 1998" (GroupLens ml-100k README) → UTC days 1997-09-19 … 1998-04-22;
 *   u.data spans 1997-09-20T03:05:10Z … 1998-04-22T23:10:38Z.
 * - `gowalla-nyc`: SNAP loc-gowalla (Cho, Myers & Leskovec, KDD 2011): check-ins "over the period
 *   of Feb. 2009 - Oct. 2010" → 2009-02-01 … 2010-10-31 UTC; the NYC file spans
 *   2009-04-23T22:37:00Z … 2010-10-23T01:09:33Z.
 * - `foursquare-nyc`: Yang et al.'s global-scale check-ins (TIST 2015), "about 18 months (from
 *   April 2012 to September 2013)" → 2012-04-01 … 2013-09-30 UTC; the NYC subset spans
 *   2012-04-03T14:00:08Z … 2013-09-16T19:21:59Z.
 * - `taobao`: Tianchi UserBehavior (dataset 649): behaviours "during November 25 to December 03,
 *   2017", China time (UTC+8) → 2017-11-24T16:00Z … 2017-12-03T15:59:59.999Z. The full file is
 *   known to hold a few timestamps outside this period, which the window removes.
 *
 * @example
 * ```ts
 * DATASET_WINDOWS["gowalla-nyc"].start.toISOString(); // "2009-02-01T00:00:00.000Z"
 * ```
 */
export const DATASET_WINDOWS: Readonly<Record<string, TimeWindow>> = {
  "movielens-100k": localDays("1997-09-19", "1998-04-23", 0, "GroupLens ml-100k README: September 19th, 1997 through April 22nd, 1998"),
  "gowalla-nyc": localDays("2009-02-01", "2010-11-01", 0, "SNAP loc-gowalla (Cho et al., KDD 2011): Feb. 2009 - Oct. 2010"),
  "foursquare-nyc": localDays("2012-04-01", "2013-10-01", 0, "Yang et al., TIST 2015 global-scale check-ins: April 2012 to September 2013"),
  taobao: localDays("2017-11-25", "2017-12-04", 480, "Tianchi UserBehavior: November 25 to December 3, 2017 (UTC+8)"),
};

/**
 * The known collection period of a registry dataset, or `null` when it is unknown (any other
 * name or a file path). Pass it to `defaultCleaning({ window })` (or `dropImpossible`'s
 * `start`/`end`) to drop events stamped outside the period: epoch-zero placeholders, clocks a
 * year off, dates far in the future.
 *
 * - `sample`: the `window` of `<sampleDir>/ground-truth.json` (`startUtc` inclusive, `endUtc`
 *   exclusive, written by the generator);
 * - `movielens-100k`, `gowalla-nyc`, `foursquare-nyc`, `taobao`: {@link DATASET_WINDOWS}.
 *
 * @param name a dataset name (see `DATASET_NAMES`).
 * @param options see {@link DatasetWindowOptions}.
 * @returns `{ start, end, source }` (both bounds inclusive) or `null`.
 * @throws DataError naming the file when the sample's ground truth is missing or has no window.
 * @example
 * ```ts
 * const window = datasetWindow("sample"); // 2024-02-29T16:00Z … 2024-08-31T15:59:59.999Z
 * cleanPipeline(frame, defaultCleaning({ now: new Date(), window }));
 * datasetWindow("my-file.csv"); // null
 * ```
 */
export function datasetWindow(name: string, options: DatasetWindowOptions = {}): TimeWindow | null {
  if (name === "sample") {
    const dir = resolve(options.sampleDir ?? join(options.projectRoot ?? PROJECT_ROOT, "data", "sample"));
    return sampleWindow(join(dir, "ground-truth.json"));
  }
  const known = Object.prototype.hasOwnProperty.call(DATASET_WINDOWS, name) ? DATASET_WINDOWS[name] : undefined;
  return known ? { start: new Date(known.start), end: new Date(known.end), source: known.source } : null;
}

function sampleWindow(file: string): TimeWindow {
  if (!existsSync(file)) throw new DataError("the sample's ground truth is missing: no window to read", { file });
  const truth = JSON.parse(readFileSync(file, "utf8")) as { window?: { startUtc?: unknown; endUtc?: unknown } };
  const start = Date.parse(String(truth.window?.startUtc));
  const endExclusive = Date.parse(String(truth.window?.endUtc));
  if (!Number.isFinite(start) || !Number.isFinite(endExclusive) || endExclusive <= start) {
    throw new DataError("ground truth has no valid window.startUtc / window.endUtc", { file });
  }
  return {
    start: new Date(start),
    end: new Date(endExclusive - 1),
    source: `${file}: window.startUtc … window.endUtc (exclusive)`,
  };
}
