import { describe, expect, it } from "vitest";
import { userKnn } from "../../src/recommend/user-knn";
import { createRng } from "../../src/util/rng";
import { recommenderContract } from "../contracts/recommender.contract";
import { eventsFrame, recRows, type Ev } from "../contracts/fixtures";
import { denseNeighbours } from "./knn-oracle";

recommenderContract(() => userKnn, { supportsUniverse: true });
recommenderContract(() => userKnn, { fitOptions: { neighbors: 3, shrink: 1 }, supportsUniverse: true });

describe("userKnn against a dense-matrix oracle", () => {
  for (const [seed, neighbors, shrink] of [
    [5, 2, 0],
    [6, 4, 1.5],
    [7, 50, 0],
  ] as const) {
    it(`seed ${seed}: neighbours ${neighbors}, shrink ${shrink}: every score and the ranking match Σ_v sim(u,v)·r_vj`, () => {
      const rng = createRng(seed);
      const events: Ev[] = [];
      for (let e = 0; e < 70; e++) events.push({ user: `u${rng.int(14)}`, item: `i${rng.int(10)}` });
      const users = [...new Set(events.map((e) => e.user))].sort();
      const items = [...new Set(events.map((e) => e.item))].sort();
      const R = users.map(() => items.map(() => 0));
      for (const e of events) R[users.indexOf(e.user)][items.indexOf(e.item)] = 1;
      const S = denseNeighbours(R, neighbors, shrink); // users × users
      const fitted = userKnn.fit(eventsFrame(events), { neighbors, shrink });
      const rows = recRows(userKnn.recommend(fitted, users, { k: items.length, excludeSeen: false }));
      users.forEach((u, x) => {
        const scores = items.map((_, j) => S[x].reduce((s, w, v) => s + w * R[v][j], 0));
        const expected = items.map((it, j) => ({ it, s: scores[j], j })).sort((a, b) => b.s - a.s || a.j - b.j);
        const got = rows.filter((r) => r.user === u);
        expect(got.map((r) => r.item)).toEqual(expected.map((e) => e.it));
        got.forEach((r, p) => expect(r.score).toBeCloseTo(expected[p].s, 5));
      });
    });
  }
});
