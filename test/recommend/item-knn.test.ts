import { describe, expect, it } from "vitest";
import { itemKnn } from "../../src/recommend/item-knn";
import { createRng } from "../../src/util/rng";
import { recommenderContract } from "../contracts/recommender.contract";
import { eventsFrame, recRows, type Ev } from "../contracts/fixtures";
import { denseNeighbours, transpose, type Dense } from "./knn-oracle";

recommenderContract(() => itemKnn, { supportsUniverse: true });
recommenderContract(() => itemKnn, { fitOptions: { neighbors: 4, shrink: 3 }, supportsUniverse: true });

/** Random events with duplicates; the dense users × items value matrix (count or binary) in sorted-id order. */
function randomCase(seed: number, nUsers: number, nItems: number, nEvents: number) {
  const rng = createRng(seed);
  const events: Ev[] = [];
  for (let e = 0; e < nEvents; e++) events.push({ user: `u${rng.int(nUsers)}`, item: `i${rng.int(nItems)}` });
  const users = [...new Set(events.map((e) => e.user))].sort();
  const items = [...new Set(events.map((e) => e.item))].sort();
  const matrix = (binary: boolean): Dense => {
    const m = users.map(() => items.map(() => 0));
    for (const e of events) m[users.indexOf(e.user)][items.indexOf(e.item)] = binary ? 1 : m[users.indexOf(e.user)][items.indexOf(e.item)] + 1;
    return m;
  };
  return { events, users, items, matrix };
}

describe("itemKnn against a dense-matrix oracle", () => {
  for (const [seed, neighbors, shrink, weighting] of [
    [1, 3, 0, "binary"],
    [2, 5, 2.5, "binary"],
    [3, 100, 0, "count"],
    [4, 2, 1, "count"],
  ] as const) {
    it(`seed ${seed}: neighbours ${neighbors}, shrink ${shrink}, ${weighting}: every score and the ranking match R·W`, () => {
      const { events, users, items, matrix } = randomCase(seed, 12, 9, 60);
      const R = matrix(weighting === "binary");
      const W = denseNeighbours(transpose(R), neighbors, shrink); // items × items
      const fitted = itemKnn.fit(eventsFrame(events), { neighbors, shrink, weighting });
      expect(fitted.itemIds).toEqual(items);
      const rows = recRows(itemKnn.recommend(fitted, users, { k: items.length, excludeSeen: false }));
      users.forEach((u, x) => {
        const scores = items.map((_, j) => R[x].reduce((s, r, i) => s + r * W[i][j], 0));
        const expected = items.map((it, j) => ({ it, s: scores[j], j })).sort((a, b) => b.s - a.s || a.j - b.j);
        const got = rows.filter((r) => r.user === u);
        expect(got.map((r) => r.item)).toEqual(expected.map((e) => e.it));
        got.forEach((r, p) => expect(r.score).toBeCloseTo(expected[p].s, 5));
      });
    });
  }

  it("keeps only the top neighbours: with one neighbour each item's list holds its single most similar item", () => {
    const { events, items, matrix } = randomCase(9, 15, 8, 70);
    const W = denseNeighbours(transpose(matrix(true)), 1, 0);
    const fitted = itemKnn.fit(eventsFrame(events), { neighbors: 1 });
    items.forEach((_, a) => {
      const got = Array.from(fitted.neighborIndices.subarray(fitted.neighborIndptr[a], fitted.neighborIndptr[a + 1]));
      expect(got).toEqual(W[a].flatMap((w, b) => (w > 0 ? [b] : [])));
    });
  });

  it("validates its options", () => {
    const train = eventsFrame([{ user: "a", item: "x" }]);
    expect(() => itemKnn.fit(train, { neighbors: 0 })).toThrow(/neighbors/);
    expect(() => itemKnn.fit(train, { shrink: -1 })).toThrow(/shrink/);
  });
});
