/**
 * The embedded sample, cleaned with the library's default recipe and enriched for the
 * spatio-temporal pattern tests: local time features (with part-of-day bins that match the
 * planted rules' hours), sessions, and each POI's region from the ground truth.
 */
import { readFileSync } from "fs";
import { resolve } from "path";
import pl from "nodejs-polars";
import { cleanPipeline } from "../../src/clean/clean-pipeline";
import { defaultCleaning } from "../../src/clean/default-cleaning";
import { addSessions } from "../../src/features/add-sessions";
import { addTimeFeatures } from "../../src/features/add-time-features";
import { datasetWindow } from "../../src/io/dataset-window";
import { loadDataset } from "../../src/io/datasets";

/** The parts of data/sample/ground-truth.json the pattern tests read. */
export interface StTruth {
  pois: { item: string; region: string; category: string }[];
  users: { user: string; purchaseCycle: { item: string; periodDays: number; buyDates: string[] } | null }[];
  contextRules: {
    id: string;
    dayKind: "weekend" | "weekday" | "any";
    hours: [number, number];
    region: string;
    consequent: string;
    realised: { antecedentCount: number; bothCount: number; confidence: number; baseRate: number; lift: number; support: number };
  }[];
  sequenceRules: {
    id: string;
    antecedent: string;
    consequent: string;
    gapMin: [number, number];
    maxGapMin: number;
    dayKind: "weekend" | "weekday" | "any";
    antecedentHours: [number, number];
    realised: { antecedentCount: number; bothCount: number; confidence: number; baseRate: number; lift: number };
  }[];
  monthly: { purchaseCycle: { users: number; periodDays: [number, number]; toleranceDays: number } };
}

/**
 * Part-of-day bins whose edges are the planted rules' hours: afternoon 13–17 (the Museum rule),
 * evening 18–23 (the Bar rule).
 */
export const RULE_DAY_PARTS = [
  { from: 0, label: "night" },
  { from: 6, label: "morning" },
  { from: 13, label: "afternoon" },
  { from: 18, label: "evening" },
];

let cached: { events: pl.DataFrame; truth: StTruth } | null = null;

/**
 * The cleaned sample (window from the ground truth, default recipe, `ts_local` from the
 * offset) with `hour`, `weekday`, `is_weekend`, `part_of_day` (bins {@link RULE_DAY_PARTS}),
 * `session` (30 min) and `region` (from the truth's POI table); check-ins and buys.
 */
export function stSample(): { events: pl.DataFrame; truth: StTruth } {
  if (cached) return cached;
  const truth = JSON.parse(readFileSync(resolve(__dirname, "..", "..", "data", "sample", "ground-truth.json"), "utf8")) as StTruth;
  const raw = loadDataset("sample").frame;
  const { frame } = cleanPipeline(raw, defaultCleaning({ window: datasetWindow("sample"), localTime: { from: "offset" } }));
  const region = pl.DataFrame({ item: truth.pois.map((p) => p.item), region: truth.pois.map((p) => p.region) });
  const events = addSessions(addTimeFeatures(frame, { column: "ts_local", dayParts: RULE_DAY_PARTS })).join(region, { on: "item", how: "left" });
  cached = { events, truth };
  return cached;
}
