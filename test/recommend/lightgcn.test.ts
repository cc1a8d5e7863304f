import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pl from "nodejs-polars";
import { describe, expect, it } from "vitest";
import { lightGcn } from "../../src/recommend/lightgcn";
import { createRng } from "../../src/util/rng";

/** 4 planted groups of 25 users × 15 items; 6 in-group training items per user, 2 held out. */
function plantedFrames(seed: number): { train: pl.DataFrame; test: pl.DataFrame } {
  const rng = createRng(seed);
  const tr = { user: [] as string[], item: [] as string[] };
  const te = { user: [] as string[], item: [] as string[] };
  const id = (p: string, i: number): string => `${p}${String(i).padStart(2, "0")}`;
  for (let u = 0; u < 100; u++) {
    const g = Math.floor(u / 25);
    const own = rng.shuffle(Array.from({ length: 15 }, (_, i) => g * 15 + i)).slice(0, 8);
    own.slice(0, 6).forEach((i) => {
      tr.user.push(id("u", u));
      tr.item.push(id("i", i));
    });
    own.slice(6).forEach((i) => {
      te.user.push(id("u", u));
      te.item.push(id("i", i));
    });
  }
  return { train: pl.DataFrame(tr), test: pl.DataFrame(te) };
}

const opts = { dim: 16, layers: 2, batchSize: 64, lr: 0.01, epochs: 25, seed: 3, threads: 1 };

describe("lightGcn recommender", () => {
  const { train, test } = plantedFrames(5);
  const model = lightGcn.fit(train, { ...opts, validation: test, evalEvery: 5, validationK: 5 });

  it("recommends mostly the held-out items of the user's own block, never a seen item", () => {
    const users = ["u00", "u30", "u99", "stranger"];
    const recs = lightGcn.recommend(model, users, { k: 5 });
    expect(recs.columns).toEqual(["user", "item", "score", "rank", "fallback"]);
    const rows = recs.toRecords() as { user: string; item: string; score: number; rank: number; fallback: boolean }[];
    const seen = new Set((train.toRecords() as { user: string; item: string }[]).map((r) => `${r.user}|${r.item}`));
    for (const r of rows) expect(seen.has(`${r.user}|${r.item}`)).toBe(false);
    for (const u of ["u00", "u30", "u99"]) {
      const mine = rows.filter((r) => r.user === u);
      expect(mine.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
      for (let j = 1; j < mine.length; j++) expect(mine[j].score).toBeLessThanOrEqual(mine[j - 1].score);
      const block = Math.floor(Number(u.slice(1)) / 25);
      const inBlock = mine.filter((r) => Math.floor(Number(r.item.slice(1)) / 15) === block).length;
      expect(inBlock).toBeGreaterThanOrEqual(4); // only 9 unseen in-block items of 60
      expect(mine.every((r) => !r.fallback)).toBe(true);
    }
    const stranger = rows.filter((r) => r.user === "stranger");
    expect(stranger).toHaveLength(5);
    expect(stranger.every((r) => r.fallback)).toBe(true);
  });

  it("records its history, the best epoch and the settings", () => {
    const h = model.meta.history as { epoch: number; "recall@5"?: number }[];
    expect(h).toHaveLength(25);
    expect(h.filter((x) => x["recall@5"] !== undefined).map((x) => x.epoch)).toEqual([5, 10, 15, 20, 25]);
    expect(model.meta.bestEpoch).toBeGreaterThan(0);
    expect(model.meta.layers).toBe(2);
    expect(model.userEmb.length).toBe(100 * 16);
  });

  it("save → load gives the same recommendations; the same seed the same model", () => {
    const back = lightGcn.load(lightGcn.save(model));
    const a = lightGcn.recommend(model, ["u01", "u51"], { k: 7 });
    expect(lightGcn.recommend(back, ["u01", "u51"], { k: 7 }).toRecords()).toEqual(a.toRecords());
    const again = lightGcn.fit(train, { ...opts, validation: test, evalEvery: 5, validationK: 5, threads: 2 });
    expect(Buffer.from(again.userEmb.buffer).equals(Buffer.from(model.userEmb.buffer))).toBe(true);
    expect(() => lightGcn.load({ ...lightGcn.save(model), json: lightGcn.save(model).json.replace('"LightGCN"', '"ItemKNN"') })).toThrow(/kind/);
  });

  it("ranks only the given candidates when asked", () => {
    const candidates = pl.DataFrame({ user: ["u00", "u00", "u00"], item: ["i59", "i01", "i02"] });
    const recs = lightGcn.recommend(model, ["u00"], { k: 10, candidates, excludeSeen: false });
    expect((recs.getColumn("item").toArray() as string[]).sort()).toEqual(["i01", "i02", "i59"]);
  });

  it("resumes from its checkpoint directory: 10 + 10 epochs == 20 epochs", () => {
    const dir = mkdtempSync(join(tmpdir(), "lightgcn-fit-"));
    try {
      const straight = lightGcn.fit(train, { ...opts, epochs: 20 });
      lightGcn.fit(train, { ...opts, epochs: 10, checkpointDir: dir });
      const resumed = lightGcn.fit(train, { ...opts, epochs: 20, checkpointDir: dir });
      expect(resumed.meta.epochsRun).toBe(20);
      expect(Buffer.from(resumed.itemEmb.buffer).equals(Buffer.from(straight.itemEmb.buffer))).toBe(true);
      expect(() => lightGcn.fit(train, { ...opts, dim: 8, epochs: 21, checkpointDir: dir })).toThrow(/other data or settings/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("fails loudly on bad options", () => {
    expect(() => lightGcn.fit(train, { layers: -1 })).toThrow(/layers/);
    expect(() => lightGcn.fit(train.head(0), {})).toThrow(/empty/);
  });
});
