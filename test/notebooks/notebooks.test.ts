/**
 * The notebook tier: executes every notebook on the embedded default dataset (as `npm start`
 * does), checks the results each one recorded against the sample's ground truth, and opens each
 * HTML report in headless Chromium to check that every chart was drawn. With the shared real data
 * present, 01 also runs on Gowalla NYC.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pl from "nodejs-polars";
import { listNotebooks, runNotebooks, type NotebookResult } from "../../scripts/notebook-runner";
import { chromiumPath, countCharts, renderedDom } from "../helpers/chromium";

const root = resolve(__dirname, "..", "..");
const truth = JSON.parse(readFileSync(join(root, "data", "sample", "ground-truth.json"), "utf8"));
const out = mkdtempSync(join(tmpdir(), "nb-reports-"));
const dataDir = process.env.DATA_DIR ?? resolve(root, "..", "shared", "data");
let results: NotebookResult[] = [];
const byName = (prefix: string) => {
  const r = results.find((x) => x.notebook.startsWith(prefix));
  if (!r) throw new Error(`notebook ${prefix} was not run`);
  return r;
};

beforeAll(async () => {
  results = await runNotebooks({ outDir: out, verbose: false, env: { DATASET: "sample", SEED: "42", SAMPLE_USERS: "0" } });
}, 900_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("every notebook on the default dataset", () => {
  it("runs every notebook without error", () => {
    expect(results.map((r) => r.notebook)).toEqual(listNotebooks());
    for (const r of results) expect(r.status, `${r.notebook}: ${r.error}`).toBe("ok");
  });

  it("draws every chart of every report offline", () => {
    if (!chromiumPath()) throw new Error("Chromium is required: run `npm run setup`");
    for (const r of results) {
      const { containers, drawn } = countCharts(renderedDom(r.html));
      expect(containers, r.notebook).toBeGreaterThan(0);
      expect(drawn, r.notebook).toBe(containers);
    }
  });

  it("01 loads every sample row and removes exactly the planted dirt", () => {
    const rec = byName("01").records as Record<string, any>;
    const dirty = truth.dirty.counts;
    expect(rec.rows_loaded).toBe(49_862);
    expect(rec.rows_dropped_loading).toBe(0);
    const d = rec.rows_dropped_cleaning as Record<string, number>;
    expect(d["dropDuplicates.exact_duplicate"]).toBe(dirty.exact_duplicate);
    expect(d["dropDuplicates.near_duplicate"]).toBe(dirty.near_duplicate);
    expect(d["dropImpossible.lat_out_of_range"]).toBe(dirty.lat_out_of_range);
    expect(d["dropImpossible.lon_out_of_range"]).toBe(dirty.lon_out_of_range);
    expect(d["removeHyperactiveUsers.hyperactive_user"]).toBe(dirty.hyperactive_user);
    // the planted weekday peaks are at 8, 12 and 18 h local time
    expect([8, 12, 18]).toContain(rec.busiest_hour);
    expect(rec.time_column).toBe("ts_local");
  });

  it("02 finds the planted daily, weekly and monthly cycles, the anomaly days and the purchase cycles", () => {
    const rec = byName("02").records as Record<string, any>;
    expect(Math.abs(rec.hourly_top_period_h - 24)).toBeLessThan(0.24);
    expect(Math.abs(rec.weekly_period_h - 168)).toBeLessThan(168 * 0.02);
    expect(Math.abs(rec.daily_top_period_d - 7)).toBeLessThan(0.15);
    expect(rec.anomaly_days).toEqual(expect.arrayContaining(truth.anomalies.map((a: { date: string }) => a.date)));
    expect(rec.anomaly_recall).toBe(1);
    expect(rec.anomaly_precision).toBeGreaterThanOrEqual(0.75);
    expect(rec.cycles_recovered_share).toBeGreaterThanOrEqual(0.95);
  });

  it("03 selects R's model on the sample and compares three forecasters on rolling origins", () => {
    const rec = byName("03").records as Record<string, any>;
    // R 4.2.2, forecast 8.20: auto.arima(ts(first 170 days, frequency = 7)) → ARIMA(0,1,1), AICc 1882.16
    expect(rec.arima_model).toBe("ARIMA(0,1,1)");
    expect(Math.abs(rec.arima_aicc - 1882.16)).toBeLessThan(0.1);
    expect(Object.keys(rec.comparison).sort()).toEqual(["GRU", "auto-ARIMA", "seasonal naive"]);
    for (const m of Object.values(rec.comparison) as { mae: number; mase: number }[]) expect(m.mae).toBeGreaterThan(0);
  });

  it("04 finds the six planted regions as DBSCAN clusters and hotspots in every part of the day", () => {
    const rec = byName("04").records as Record<string, any>;
    expect(rec.dbscan_clusters).toBe(truth.regions.length);
    expect(rec.dbscan_noise_share).toBeLessThan(0.05);
    expect(Object.keys(rec.hot_cells).sort()).toEqual(["afternoon", "evening", "morning", "night"]);
    for (const n of Object.values(rec.hot_cells) as number[]) expect(n).toBeGreaterThan(0);
  });

  it("05 recovers the planted context and sequence rules and arules' Groceries count", () => {
    const rec = byName("05").records as Record<string, any>;
    const planted = truth.contextRules[0];
    // the notebook's default evening bin (17–21 h) differs from the planted hours (18–23 h): a few points lower
    expect(Math.abs(rec.planted_context_rule.confidence - planted.realised.confidence)).toBeLessThan(0.05);
    expect(Math.abs(rec.planted_context_rule.lift / planted.realised.lift - 1)).toBeLessThan(0.1);
    expect(rec.top_sequence_rule).toBe(`${truth.sequenceRules[0].antecedent} -> ${truth.sequenceRules[0].consequent}`);
    expect(rec.behaviour_rules).toBeGreaterThan(0);
    if (existsSync(join(dataDir, "groceries"))) expect(rec.groceries_rules).toBe(463);
    // the rule recommender beats global popularity (not the full context-popularity table: see README)
    expect(rec.rule_recommender["category.rules"]).toBeGreaterThan(rec.rule_recommender["category.popularity"]);
    expect(rec.rule_recommender["item.rules"]).toBeGreaterThan(rec.rule_recommender["item.popularity"]);
  });

  it("07 evaluates every recommender under one printed protocol; personalised models beat popularity", () => {
    const rec = byName("07").records as Record<string, any>;
    expect(rec.protocol).toContain("full ranking");
    const d = rec.default_data as Record<string, Record<string, number>>;
    for (const m of ["ItemKNN", "UserKNN", "BPR-MF", "LightGCN", "ST-LightGCN"]) expect(d[m]["ndcg@20"], m).toBeGreaterThan(d.Popularity["ndcg@20"]);
    if (rec.movielens) {
      expect(rec.movielens["BPR-MF"]["recall@10"]).toBeGreaterThan(0.2);
      for (const m of ["ItemKNN", "UserKNN", "BPR-MF", "LightGCN"]) expect(rec.movielens[m]["ndcg@10"], m).toBeGreaterThan(rec.movielens.Popularity["ndcg@10"]);
    }
  });

  it("06 trains LightGCN and the spatio-temporal variant, both above popularity", () => {
    const m = byName("06").records.models as Record<string, Record<string, number>>;
    expect(m.LightGCN["ndcg@20"]).toBeGreaterThan(m.Popularity["ndcg@20"]);
    expect(m["ST-LightGCN"]["ndcg@20"]).toBeGreaterThan(m.Popularity["ndcg@20"]);
    // the committed Gowalla reproduction curves are read and drawn
    expect(byName("06").records.reproduction_runs).toHaveLength(5);
    // the exported embeddings: one row per item / user, id + 64 Float32 components
    const files = byName("06").records.embedding_files as { items: string; users: string; nItems: number; nUsers: number };
    const items = pl.readParquet(files.items);
    expect([items.height, items.width]).toEqual([files.nItems, 65]);
    expect(pl.readParquet(files.users).height).toBe(files.nUsers);
  });

  it("00 agrees with 01 on the cleaned data", () => {
    const a = byName("00").records as Record<string, any>;
    const b = byName("01").records as Record<string, any>;
    expect(a.rows_clean).toBe(b.rows_clean);
    expect(a.users).toBe(b.users_clean);
    expect(a.test_events).toBe(b.users_clean); // leave-last-out: one test event per user
  });
});

describe.skipIf(!existsSync(join(dataDir, "gowalla_snap_nyc")))("01 on real data (Gowalla NYC)", () => {
  it("loads all 138,957 check-ins and derives New York local time", async () => {
    const [r] = await runNotebooks({ filters: ["01"], outDir: join(out, "gowalla"), verbose: false, env: { DATASET: "gowalla-nyc", DATA_DIR: dataDir } });
    expect(r.status, r.error ?? "").toBe("ok");
    expect(r.records.rows_loaded).toBe(138_957);
    expect(r.records.rows_dropped_loading).toBe(0);
    expect(r.records.time_column).toBe("ts_local");
  }, 300_000);
});
