import { describe, expect, it } from "vitest";
import { leaveLastOut } from "../../src/split/leave-last-out";
import { validateSplit } from "../../src/split/validate-split";
import { createRng } from "../../src/util/rng";
import { frameOf, randomRows, rowsOf, type Row } from "../clean/fixtures";

const T = Date.UTC(2024, 0, 1);

/** Oracle: per user sort by (ts, item, index); the last n go to test if the user has more than n. */
function oracle(rows: Row[], n: number): boolean[] {
  const byUser = new Map<string, number[]>();
  rows.forEach((r, i) => byUser.set(r.user, [...(byUser.get(r.user) ?? []), i]));
  const isTest = rows.map(() => false);
  for (const idx of byUser.values()) {
    idx.sort((a, b) => rows[a].ts - rows[b].ts || (rows[a].item < rows[b].item ? -1 : rows[a].item > rows[b].item ? 1 : a - b));
    if (idx.length > n) for (const i of idx.slice(-n)) isTest[i] = true;
  }
  return isTest;
}

describe("leaveLastOut", () => {
  it("holds out each user's latest event, breaking time ties by item id", () => {
    const rows: Row[] = [
      { user: "a", item: "z", ts: T + 5 },
      { user: "a", item: "y", ts: T + 5 }, // tie with z at T+5: z sorts later -> z is the last
      { user: "a", item: "x", ts: T },
      { user: "b", item: "x", ts: T + 9 }, // b has a single event: kept in train
    ];
    const { train, test, report } = leaveLastOut(frameOf(rows));
    expect(rowsOf(test)).toEqual([rows[0]]);
    expect(rowsOf(train)).toEqual(rows.slice(1));
    expect(report.notes[0]).toMatch(/^1 user/);
    expect(report.promise).toBe("per-user-chronological");
  });

  it.each([
    [1, 1],
    [2, 2],
    [3, 3],
  ])("matches a brute-force oracle on random frames (seed %i, n %i)", (seed, n) => {
    const rows = randomRows(500, seed, { users: 60, stepMs: 86_400_000, skew: true }); // day steps: many ties
    const expected = oracle(rows, n);
    const { train, test } = leaveLastOut(frameOf(rows, ["rating"]), { n });
    expect(rowsOf(test)).toEqual(rows.filter((_, i) => expected[i]));
    expect(rowsOf(train)).toEqual(rows.filter((_, i) => !expected[i]));
    expect(() => validateSplit(train, test, { promise: "per-user-chronological" })).not.toThrow();
  });

  it("does not depend on the input row order", () => {
    const rows = randomRows(500, 4, { users: 40, stepMs: 86_400_000 });
    const shuffled = createRng(1).shuffle([...rows]);
    const key = (r: Row) => `${r.user}|${r.item}|${r.ts}|${r.rating}`;
    const a = rowsOf(leaveLastOut(frameOf(rows, ["rating"])).test).map(key).sort();
    const b = rowsOf(leaveLastOut(frameOf(shuffled, ["rating"])).test).map(key).sort();
    expect(b).toEqual(a);
  });

  it("validates n", () => {
    expect(() => leaveLastOut(frameOf([{ user: "a", item: "x", ts: T }]), { n: 0 })).toThrow(/n must/);
  });
});
