import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csrFromEdges, type Csr } from "../../src/graph/csr";
import { loadLightGcnCheckpoint, saveLightGcnCheckpoint } from "../../src/recommend/lightgcn-checkpoint";
import { fullRankingEval } from "../../src/recommend/lightgcn-eval";
import { lightGcnGraph } from "../../src/recommend/lightgcn-graph";
import { initLightGcnState } from "../../src/recommend/lightgcn-state";
import { finalEmbeddings, trainLightGcn } from "../../src/recommend/lightgcn-train";
import { createRng } from "../../src/util/rng";

/**
 * Planted blocks: 4 groups of 25 users and 15 items; each user picks 8 items of its own group
 * (and one random item as noise). 2 of the in-group items per user are held out.
 */
function planted(seed: number): { train: Csr; test: Csr } {
  const rng = createRng(seed);
  const tr: [number, number][] = [];
  const te: [number, number][] = [];
  for (let u = 0; u < 100; u++) {
    const g = Math.floor(u / 25);
    const own = rng.shuffle(Array.from({ length: 15 }, (_, i) => g * 15 + i)).slice(0, 8);
    own.slice(0, 6).forEach((i) => tr.push([u, i]));
    own.slice(6).forEach((i) => te.push([u, i]));
    tr.push([u, rng.int(60)]);
  }
  const mk = (e: [number, number][]) => csrFromEdges({ rows: e.map((x) => x[0]), cols: e.map((x) => x[1]) }, { nRows: 100, nCols: 60, duplicates: "max" });
  const train = mk(tr);
  const test = mk(te.filter(([u, i]) => !tr.some(([a, b]) => a === u && b === i)));
  return { train, test };
}

/** Recall@k of ranking by training popularity (seen items excluded). */
function popularityRecall(train: Csr, test: Csr, k: number): number {
  const pop = new Float32Array(train.nCols);
  for (const i of train.indices) pop[i]++;
  const U = new Float32Array(train.nRows).fill(1);
  return fullRankingEval(U, pop, 1, train, test, { k })[`recall@${k}`];
}

const small = { dim: 16, layers: 2, batchSize: 64, lr: 0.01, reg: 1e-4, seed: 7 };

describe("trainLightGcn", () => {
  const { train, test } = planted(1);
  const graph = lightGcnGraph(train);

  it("learns a planted block structure: Recall@5 far above popularity", () => {
    const state = initLightGcnState(100, 60, small);
    const logs: number[] = [];
    trainLightGcn(graph, state, { epochs: 30, validation: test, evalEvery: 10, k: 5, onEpoch: (l) => logs.push(l.loss) });
    const f = finalEmbeddings(graph, state, "current");
    const r = fullRankingEval(f.users, f.items, 16, train, test, { k: 5 })["recall@5"];
    const pop = popularityRecall(train, test, 5);
    // random within the right block: 5 of ~9 unseen in-group items → ≈ 0.55; popularity ≈ 0.1
    expect(r).toBeGreaterThan(0.45);
    expect(r).toBeGreaterThan(3 * pop);
    expect(logs[logs.length - 1]).toBeLessThan(logs[0]);
    expect(state.history.filter((h) => h["recall@5"] !== undefined).map((h) => h.epoch)).toEqual([10, 20, 30]);
    expect(state.best?.epoch).toBeGreaterThan(0);
  });

  it("is deterministic for a seed and differs for another; the thread count changes no bit", () => {
    const a = trainLightGcn(graph, initLightGcnState(100, 60, small), { epochs: 2, threads: 1 });
    const a3 = trainLightGcn(graph, initLightGcnState(100, 60, small), { epochs: 2, threads: 3 });
    expect(a3.e0.buffer instanceof SharedArrayBuffer).toBe(true);
    expect(Buffer.from(a3.e0.buffer).equals(Buffer.from(a.e0.buffer))).toBe(true);
    const b = trainLightGcn(graph, initLightGcnState(100, 60, small), { epochs: 2 });
    const c = trainLightGcn(graph, initLightGcnState(100, 60, { ...small, seed: 8 }), { epochs: 2 });
    expect(Buffer.from(a.e0.buffer).equals(Buffer.from(b.e0.buffer))).toBe(true);
    expect(Buffer.from(a.e0.buffer).equals(Buffer.from(c.e0.buffer))).toBe(false);
  });

  it("2 epochs + checkpoint + resume 2 epochs == 4 epochs straight, bit for bit", () => {
    const dir = mkdtempSync(join(tmpdir(), "lightgcn-ckpt-"));
    try {
      const opts = { validation: test, evalEvery: 1, k: 5 };
      const straight = trainLightGcn(graph, initLightGcnState(100, 60, small), { ...opts, epochs: 4 });
      const first = trainLightGcn(graph, initLightGcnState(100, 60, small), { ...opts, epochs: 2 });
      saveLightGcnCheckpoint(dir, first);
      const resumed = trainLightGcn(graph, loadLightGcnCheckpoint(dir), { ...opts, epochs: 4 });
      for (const key of ["e0", "m", "v"] as const) {
        expect(Buffer.from(resumed[key].buffer).equals(Buffer.from(straight[key].buffer))).toBe(true);
      }
      expect(resumed.step).toBe(straight.step);
      const strip = (h: typeof straight.history) => h.map(({ seconds: _s, evalSeconds: _e, ...rest }) => rest);
      expect(strip(resumed.history)).toEqual(strip(straight.history));
      expect(resumed.best?.epoch).toBe(straight.best?.epoch);
      expect(Buffer.from(resumed.best!.e0.buffer).equals(Buffer.from(straight.best!.e0.buffer))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("stops early after `patience` evaluations without improvement and keeps the best E0", () => {
    // lr so large that the validation score cannot keep improving for 40 epochs
    const state = initLightGcnState(100, 60, { ...small, lr: 0.5 });
    trainLightGcn(graph, state, { epochs: 40, validation: test, evalEvery: 1, k: 5, patience: 3 });
    const evals = state.history.filter((h) => h["recall@5"] !== undefined);
    const best = Math.max(...evals.map((h) => h["recall@5"]!));
    expect(state.best!.value).toBe(best);
    expect(state.epoch).toBeLessThan(40);
    expect(state.epoch - state.best!.epoch).toBe(3);
    expect(state.best!.e0).not.toBe(state.e0);
  });
});
