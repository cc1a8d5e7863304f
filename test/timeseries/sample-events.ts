import { readFileSync } from "fs";
import { resolve } from "path";
import pl from "nodejs-polars";
import { cleanPipeline } from "../../src/clean/clean-pipeline";
import { defaultCleaning } from "../../src/clean/default-cleaning";

/** The committed synthetic sample (data/sample). */
export const SAMPLE_DIR = resolve(__dirname, "..", "..", "data", "sample");

/** The parts of ground-truth.json these tests read. */
export interface SampleTruth {
  window: { startLocal: string; endLocalExclusive: string; startUtc: string; endUtc: string; tzOffsetMin: number };
  anomalies: { date: string; kind: string; factor: number }[];
  monthly: { payday: { daysOfMonth: number[]; factor: number } };
  users: { user: string; purchaseCycle: { item: string; periodDays: number } | null }[];
}

let cached: { events: pl.DataFrame; truth: SampleTruth } | null = null;

/**
 * The sample read with Polars (ts parsed as Datetime), cleaned with the library's default
 * recipe (impossible rows, duplicates, hyperactive users, 5-cores) plus `ts_local`; "now" is
 * the day after the window so the 2099 rows go, and the rows before the window (1970, one year
 * early) are left to the `start` option of the series builders.
 */
export function cleanSample(): { events: pl.DataFrame; truth: SampleTruth } {
  if (cached) return cached;
  const raw = pl
    .readCSV(resolve(SAMPLE_DIR, "events.csv"))
    .withColumns(pl.col("ts").str.strptime(pl.Datetime("ms"), "%Y-%m-%dT%H:%M:%SZ"));
  const truth = JSON.parse(readFileSync(resolve(SAMPLE_DIR, "ground-truth.json"), "utf8")) as SampleTruth;
  const now = new Date(Date.parse(truth.window.endUtc) + 86_400_000);
  const { frame } = cleanPipeline(raw, defaultCleaning({ now, localTime: { from: "offset" } }));
  cached = { events: frame, truth };
  return cached;
}
