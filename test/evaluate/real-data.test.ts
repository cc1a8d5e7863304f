import { existsSync } from "fs";
import { join } from "path";
import pl from "nodejs-polars";
import { describe, expect, it } from "vitest";
import { compareRecommenders } from "../../src/evaluate/compare-recommenders";
import { describeProtocol, type EvalProtocol } from "../../src/evaluate/protocol";
import { defaultDataDir } from "../../src/io/datasets";
import { loadMovieLens } from "../../src/io/load-movielens";
import { loadUserItemLists } from "../../src/io/load-user-item-lists";
import { bprMf } from "../../src/recommend/bpr-mf";
import { itemKnn } from "../../src/recommend/item-knn";
import { popularity } from "../../src/recommend/popularity";
import { withOptions } from "../../src/recommend/with-options";
import { randomRatioSplit } from "../../src/split/random-ratio-split";

// The shared real datasets (never copied into the project); each block skips when its folder is absent.
const DATA_DIR = defaultDataDir();
const ML = join(DATA_DIR, "movielens_100k");
const GOWALLA = join(DATA_DIR, "gowalla_lightgcn");

const show = (title: string, protocol: EvalProtocol, table: pl.DataFrame): void => {
  console.log(`${title}\n${describeProtocol(protocol)}\n${table.toString()}`);
};
const row = (table: pl.DataFrame, model: string): Record<string, number> =>
  (table.toRecords() as Record<string, number>[]).find((r) => (r.model as unknown as string) === model)!;

describe.skipIf(!existsSync(ML))("real data: MovieLens-100k, random 8:1:1 per user, full ranking", () => {
  it("orders Popularity < ItemKNN < BPR-MF and BPR-MF lands near RecBole's untuned BPR", async () => {
    const { frame } = loadMovieLens(ML);
    // 8:1:1 per user: 20 % of each user's ratings out, then half of those to validation
    const first = randomRatioSplit(frame, { testRatio: 0.2, seed: 42 });
    const rest = randomRatioSplit(first.test, { testRatio: 0.5, seed: 42 });
    const [train, valid, test] = [first.train, rest.train, rest.test];
    const protocol: EvalProtocol = { split: "random-ratio", testRatio: 0.1, seed: 42, splitNote: "8:1:1 per user; training 80 %, validation 10 % masked from the test rankings", candidates: "all", k: [10], excludeTrainItems: true, metrics: ["recall", "ndcg", "hr", "precision"] };
    const table = await compareRecommenders([popularity, itemKnn, bprMf], train, test, protocol, {
      mask: valid, // RecBole's test phase masks training and validation items
      fitOptions: { "BPR-MF": { validation: valid, seed: 42 } },
    });
    show("MovieLens-100k (train 80 %, validation 10 % masked, test 10 %)", protocol, table);
    const [pop, knn, bpr] = ["Popularity", "ItemKNN", "BPR-MF"].map((m) => row(table, m));
    expect(pop["recall@10"]).toBeLessThan(knn["recall@10"]);
    expect(knn["ndcg@10"]).toBeLessThan(bpr["ndcg@10"]);
    // RecBole BPR (untuned, 8:1:1): recall 0.2523, ndcg 0.2920, hit 0.7953, precision 0.1962; ours within 15 %
    const recbole: Record<string, number> = { "recall@10": 0.2523, "ndcg@10": 0.292, "hr@10": 0.7953, "precision@10": 0.1962 };
    for (const [key, ref] of Object.entries(recbole)) expect(Math.abs(bpr[key] - ref) / ref).toBeLessThan(0.15);
  }, 600_000);
});

describe.skipIf(!existsSync(GOWALLA))("real data: Gowalla (LightGCN split), full ranking", () => {
  it("ItemKNN with shrinkage lands near the published ItemCF, far above popularity", async () => {
    const train = loadUserItemLists(join(GOWALLA, "train.txt")).frame;
    const test = loadUserItemLists(join(GOWALLA, "test.txt")).frame;
    expect([train.height, test.height]).toEqual([810_128, 217_242]);
    const protocol: EvalProtocol = { split: "given", splitNote: "LightGCN authors' train.txt / test.txt", candidates: "all", k: [20], excludeTrainItems: true, metrics: ["recall", "ndcg"] };
    const models = [popularity, itemKnn, withOptions(itemKnn, { shrink: 50 }, "ItemKNN-shrink50")];
    const table = await compareRecommenders(models, train, test, protocol);
    show("Gowalla, LightGCN split (29,858 users, 40,981 items)", protocol, table);
    const [pop, knn, knn50] = ["Popularity", "ItemKNN", "ItemKNN-shrink50"].map((m) => row(table, m));
    // published ItemCF (another implementation): recall@20 0.1570, ndcg@20 0.1214
    expect(knn50["recall@20"]).toBeGreaterThan(0.13);
    expect(knn50["recall@20"]).toBeLessThan(0.17);
    expect(knn50["ndcg@20"]).toBeGreaterThan(0.1);
    expect(knn["recall@20"]).toBeGreaterThan(2 * pop["recall@20"]);
  }, 600_000);
});
