/**
 * `npm run bench -- recommenders [movielens|gowalla|all] [--bpr-gowalla]`: fit, recommend and
 * evaluate times (wall-clock seconds, one run each) and accuracy of every baseline, full ranking
 * with training items excluded.
 *
 * - MovieLens-100k: random 8:1:1 per user (seed 42), validation items masked at test time
 *   (RecBole's convention), BPR-MF early-stopped on validation Recall@20; K = 10.
 * - Gowalla, the LightGCN authors' train/test files (29,858 users, 40,981 items); K = 20.
 *   BPR-MF there only with `--bpr-gowalla` (30 epochs, no validation: its dense scoring of
 *   30k users × 41k items takes about a minute).
 *
 * `evaluate_s` is the frame path (`evaluate`: Polars joins to build the codes, then the metrics);
 * the `typed-evaluation` case times `evaluateTopK` alone on precomputed codes (median of 3).
 * Data: `$DATA_DIR` (default `<project>/../shared/data`); a missing dataset is skipped.
 */
import { existsSync } from "fs";
import { join, resolve } from "path";
import pl from "nodejs-polars";
import { compareRecommenders } from "../src/evaluate/compare-recommenders";
import { evaluateTopK } from "../src/evaluate/evaluate-top-k";
import { describeProtocol, type EvalProtocol } from "../src/evaluate/protocol";
import { dropTrainPairs, rankedLists, truthSets } from "../src/evaluate/top-k-lists";
import { loadMovieLens } from "../src/io/load-movielens";
import { loadUserItemLists } from "../src/io/load-user-item-lists";
import { bprMf } from "../src/recommend/bpr-mf";
import { indexInteractions } from "../src/recommend/id-index";
import { itemKnn } from "../src/recommend/item-knn";
import { popularity } from "../src/recommend/popularity";
import type { Recommender } from "../src/recommend/recommender";
import { userKnn } from "../src/recommend/user-knn";
import { withOptions } from "../src/recommend/with-options";
import { randomRatioSplit } from "../src/split/random-ratio-split";
import { peakRssMb, printCases, round, timeIt, type BenchCase } from "./lib/measure";

const ROOT = resolve(__dirname, "..");
const DATA_DIR = resolve(process.env.DATA_DIR?.trim() || join(ROOT, "..", "shared", "data"));
const args = process.argv.slice(2);
const which = args.find((a) => !a.startsWith("--")) ?? "all";
const cases: BenchCase[] = [];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyRecommender = Recommender<any, any>;

function record(dataset: string, protocol: EvalProtocol, table: pl.DataFrame, extra: BenchCase): void {
  console.log(`\n${dataset}\n${describeProtocol(protocol)}\n${table.toString()}`);
  for (const row of table.toRecords() as Record<string, number | string>[]) {
    const c: BenchCase = { name: "recommenders", dataset, ...extra };
    for (const [key, v] of Object.entries(row)) c[key] = typeof v === "number" ? round(v, key.endsWith("_s") ? 3 : 4) : v;
    c.peak_mb = peakRssMb();
    cases.push(c);
  }
}

async function movielens(): Promise<void> {
  const dir = join(DATA_DIR, "movielens_100k");
  if (!existsSync(dir)) return console.log(`skip MovieLens-100k: ${dir} not found (set DATA_DIR)`);
  const { frame } = loadMovieLens(dir);
  const first = randomRatioSplit(frame, { testRatio: 0.2, seed: 42 });
  const rest = randomRatioSplit(first.test, { testRatio: 0.5, seed: 42 });
  const [train, valid, test] = [first.train, rest.train, rest.test];
  const protocol: EvalProtocol = {
    split: "random-ratio",
    testRatio: 0.1,
    seed: 42,
    splitNote: "8:1:1 per user; validation masked",
    candidates: "all",
    k: [10],
    excludeTrainItems: true,
    metrics: ["recall", "ndcg", "hr", "precision"],
  };
  const models: AnyRecommender[] = [popularity, withOptions(popularity, { windowDays: 30 }, "Popularity-30d"), itemKnn, userKnn, bprMf];
  const table = await compareRecommenders(models, train, test, protocol, { mask: valid, fitOptions: { "BPR-MF": { validation: valid, seed: 42 } } });
  record("movielens-100k", protocol, table, { train_rows: train.height, test_rows: test.height });
}

async function gowalla(): Promise<void> {
  const dir = join(DATA_DIR, "gowalla_lightgcn");
  if (!existsSync(dir)) return console.log(`skip Gowalla: ${dir} not found (set DATA_DIR)`);
  let t0 = process.hrtime.bigint();
  const train = loadUserItemLists(join(dir, "train.txt")).frame;
  const test = loadUserItemLists(join(dir, "test.txt")).frame;
  const loadS = Number(process.hrtime.bigint() - t0) / 1e9;
  const protocol: EvalProtocol = { split: "given", splitNote: "LightGCN authors' files", candidates: "all", k: [20], excludeTrainItems: true, metrics: ["recall", "ndcg"] };
  const models: AnyRecommender[] = [popularity, withOptions(itemKnn, { shrink: 50 }, "ItemKNN-shrink50"), userKnn];
  if (args.includes("--bpr-gowalla")) models.push(withOptions(bprMf, { epochs: 30, patience: 0, seed: 42 }, "BPR-MF-30ep"));
  const table = await compareRecommenders(models, train, test, protocol);
  record("gowalla-lightgcn", protocol, table, { train_rows: train.height, test_rows: test.height, load_s: round(loadS, 3) });

  // the typed path alone: precomputed codes of the popularity top-20 lists
  const fitted = popularity.fit(train);
  const users = test.getColumn("user").unique().sort().toArray() as string[];
  const recs = popularity.recommend(fitted, users, { k: 20 });
  t0 = process.hrtime.bigint();
  const inter = indexInteractions(train, { merge: "binary", universe: { items: test.getColumn("item").unique().toArray() as string[] } });
  const truth = truthSets(test, inter.itemIds);
  const sets = dropTrainPairs(truth.sets, truth.users, inter).sets;
  const lists = rankedLists(recs, truth.users, inter.itemIds, 20);
  const prepareS = Number(process.hrtime.bigint() - t0) / 1e9;
  const { seconds, result } = timeIt(() => evaluateTopK(sets, lists, { ks: [10, 20], metrics: ["recall", "ndcg", "precision", "hr", "mrr", "map"], nItems: inter.itemIds.length }));
  console.log(`typed evaluateTopK on ${truth.users.length} users: ${seconds.toFixed(4)} s (codes prepared in ${prepareS.toFixed(3)} s)`, result);
  cases.push({ name: "recommenders", dataset: "gowalla-lightgcn", model: "typed-evaluation", users: truth.users.length, metrics_x_ks: 12, evaluate_typed_s: round(seconds, 4), prepare_codes_s: round(prepareS, 3), peak_mb: peakRssMb() });
}

async function main(): Promise<void> {
  if (which === "movielens" || which === "all") await movielens();
  if (which === "gowalla" || which === "all") await gowalla();
  printCases(cases);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
