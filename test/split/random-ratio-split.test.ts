import { describe, expect, it } from "vitest";
import { randomRatioSplit } from "../../src/split/random-ratio-split";
import { createRng } from "../../src/util/rng";
import { frameOf, randomRows, rowsOf, type Row } from "../clean/fixtures";

const key = (r: Row) => `${r.user}|${r.item}|${r.ts}|${r.rating}`;

describe("randomRatioSplit", () => {
  it("sends min(round(ratio * m), m - 1) of each user's events to test, and partitions the rows", () => {
    const rows = randomRows(500, 21, { users: 40, skew: true });
    const { train, test, report } = randomRatioSplit(frameOf(rows, ["rating"]), { testRatio: 0.25, seed: 7 });
    const count = (rs: Row[]) => rs.reduce((m, r) => m.set(r.user, (m.get(r.user) ?? 0) + 1), new Map<string, number>());
    const all = count(rows);
    const inTest = count(rowsOf(test));
    for (const [u, m] of all) expect(inTest.get(u) ?? 0).toBe(Math.min(Math.round(0.25 * m), m - 1));
    expect([...rowsOf(train), ...rowsOf(test)].map(key).sort()).toEqual(rows.map(key).sort());
    expect(report).toMatchObject({ promise: "none", rowsIn: 500, rowsTrain: train.height, rowsTest: test.height, coldUsers: 0 });
  });

  it("is deterministic: same seed same split, another seed another split, row order irrelevant", () => {
    const rows = randomRows(500, 22, { users: 30 });
    const testKeys = (rs: Row[], seed: number) => rowsOf(randomRatioSplit(frameOf(rs, ["rating"]), { testRatio: 0.2, seed }).test).map(key).sort();
    const a = testKeys(rows, 1);
    expect(testKeys(rows, 1)).toEqual(a);
    expect(testKeys(createRng(5).shuffle([...rows]), 1)).toEqual(a);
    expect(testKeys(rows, 2)).not.toEqual(a);
  });

  it("draws each event position with about the right frequency", () => {
    // 400 users with 10 events each, ratio 0.3 -> 3 in test per user; each time rank ~30 % of users
    const rows: Row[] = [];
    for (let u = 0; u < 400; u++) for (let i = 0; i < 10; i++) rows.push({ user: `u${u}`, item: `i${i}`, ts: i });
    const { test } = randomRatioSplit(frameOf(rows), { testRatio: 0.3, seed: 9 });
    expect(test.height).toBe(1200);
    const hits = new Map<string, number>();
    for (const r of rowsOf(test)) hits.set(r.item, (hits.get(r.item) ?? 0) + 1);
    // sd of a proportion over 400 users at p = 0.3 is 0.023; allow 3.5 sd
    for (let i = 0; i < 10; i++) expect(Math.abs((hits.get(`i${i}`) ?? 0) / 400 - 0.3)).toBeLessThan(0.08);
  });

  it("validates testRatio", () => {
    const df = frameOf([{ user: "a", item: "x", ts: 0 }]);
    expect(() => randomRatioSplit(df, { testRatio: 1 })).toThrow(/testRatio/);
    expect(() => randomRatioSplit(df, { testRatio: -0.1 })).toThrow(/testRatio/);
  });
});
