import type pl from "nodejs-polars";
import { SEED } from "../schema";
import { globalTimeSplit } from "../split/global-time-split";
import { leaveLastOut } from "../split/leave-last-out";
import { randomRatioSplit } from "../split/random-ratio-split";
import type { SplitResult } from "../split/split-result";
import { checkKs } from "./evaluate-top-k";
import type { MetricName } from "./metric";
import { getMetric } from "./metrics";

/**
 * An evaluation protocol as data (cf. RecBole's `eval_args`), printed beside every results
 * table with {@link describeProtocol}.
 *
 * @example
 * ```ts
 * const protocol: EvalProtocol = {
 *   split: "random-ratio", testRatio: 0.2, seed: 42,
 *   candidates: "all", k: [10, 20], excludeTrainItems: true,
 *   metrics: ["recall", "ndcg", "hr", "precision"],
 * };
 * ```
 */
export interface EvalProtocol {
  /**
   * How test events are chosen: `"global-time"` (one cut in time: `globalTimeSplit`),
   * `"leave-one-out"` (each user's last event: `leaveLastOut`), `"random-ratio"` (a random
   * share per user: `randomRatioSplit`) or `"given"` (the dataset ships its own train / test
   * files, e.g. the LightGCN Gowalla split; set `splitNote` to say whose).
   */
  split: "global-time" | "leave-one-out" | "random-ratio" | "given";
  /** Free text appended to the split's description, e.g. a `"given"` split's origin or `"8:1:1, validation masked"`. Default: none. */
  splitNote?: string;
  /** `"all"`: rank the full catalogue; `{ sampled: n, seed }`: each test user's held-out items among n sampled non-interacted items. */
  candidates: "all" | { sampled: number; seed: number };
  /** Cut-offs K. */
  k: number[];
  /** Leave the user's training items out of the ranking (and out of the truth). */
  excludeTrainItems: boolean;
  /** Metrics, reported as `name@k`. */
  metrics: MetricName[];
  /** Share of each user's events in test (`random-ratio`). Default `0.2`. */
  testRatio?: number;
  /** Cut of `global-time`: a Date, or a quantile of the timestamps in (0, 1). Default `0.8`. */
  cut?: Date | number;
  /** Seed of the random split. Default `SEED` (42). */
  seed?: number;
}

/**
 * Checks a protocol and throws an Error naming the first bad field.
 *
 * @example
 * ```ts
 * validateProtocol({ ...protocol, k: [0] }); // Error: every k must be an integer >= 1, got 0
 * ```
 */
export function validateProtocol(p: EvalProtocol): void {
  if (!["global-time", "leave-one-out", "random-ratio", "given"].includes(p.split)) {
    throw new Error(`split must be "global-time", "leave-one-out", "random-ratio" or "given", got ${JSON.stringify(p.split)}`);
  }
  if (p.candidates !== "all") {
    const c = p.candidates as { sampled?: unknown; seed?: unknown } | null;
    if (!c || !(Number.isInteger(c.sampled) && (c.sampled as number) >= 1) || !Number.isFinite(c.seed)) {
      throw new Error(`candidates must be "all" or { sampled: integer >= 1, seed: number }, got ${JSON.stringify(p.candidates)}`);
    }
  }
  checkKs(p.k);
  if (typeof p.excludeTrainItems !== "boolean") throw new Error("excludeTrainItems must be true or false");
  if (!Array.isArray(p.metrics) || p.metrics.length === 0) throw new Error("metrics must be a non-empty array of metric names");
  p.metrics.forEach(getMetric);
  if (p.testRatio !== undefined && !(p.testRatio > 0 && p.testRatio < 1)) throw new Error(`testRatio must be in (0, 1), got ${p.testRatio}`);
}

const pct = (x: number): string => `${Number((100 * x).toFixed(2))} %`;

/**
 * One line describing a protocol, to print beside its results table (full-ranking and
 * sampled-candidate figures differ by a factor of 3–4, so the protocol must travel with them).
 *
 * @example
 * ```ts
 * describeProtocol({ split: "random-ratio", testRatio: 0.2, candidates: "all", k: [10, 20], excludeTrainItems: true, metrics: ["recall", "ndcg"] });
 * // "split: random 20 % of each user's events (seed 42) · candidates: all items (full ranking) · train items excluded · recall, ndcg @10, 20 · mean over test users"
 * ```
 */
export function describeProtocol(p: EvalProtocol): string {
  validateProtocol(p);
  const split =
    p.split === "global-time"
      ? `global time cut at ${p.cut instanceof Date ? p.cut.toISOString() : `the ${pct(p.cut ?? 0.8)} quantile of timestamps`}`
      : p.split === "leave-one-out"
        ? "leave each user's last event out"
        : p.split === "given"
          ? "given train/test files"
          : `random ${pct(p.testRatio ?? 0.2)} of each user's events (seed ${p.seed ?? SEED})`;
  const note = p.splitNote ? ` (${p.splitNote})` : "";
  const candidates =
    p.candidates === "all" ? "all items (full ranking)" : `held-out items + ${p.candidates.sampled} sampled negatives per user (seed ${p.candidates.seed})`;
  const exclusion = p.excludeTrainItems ? "train items excluded" : "train items kept";
  return `split: ${split}${note} · candidates: ${candidates} · ${exclusion} · ${p.metrics.join(", ")} @${p.k.join(", ")} · mean over test users`;
}

/**
 * Splits events as the protocol says, with the splitters of `src/split`.
 *
 * @param events event frame (with `ts`).
 * @param p the protocol (`testRatio`, `cut`, `seed` as its split needs).
 * @returns `{ train, test, report }`.
 * @throws Error for a `"given"` split (the data is already split).
 * @example
 * ```ts
 * const { train, test } = splitByProtocol(events, protocol);
 * ```
 */
export function splitByProtocol(events: pl.DataFrame, p: EvalProtocol): SplitResult {
  validateProtocol(p);
  if (p.split === "global-time") return globalTimeSplit(events, { cut: p.cut ?? 0.8 });
  if (p.split === "leave-one-out") return leaveLastOut(events, { n: 1 });
  if (p.split === "given") throw new Error('splitByProtocol: split "given" means the data comes already split; load its train and test files');
  return randomRatioSplit(events, { testRatio: p.testRatio ?? 0.2, seed: p.seed ?? SEED });
}
