import pl from "nodejs-polars";
import { describe, expect, it } from "vitest";
import type { FittedModel, Recommender } from "../../src/recommend/recommender";
import { eventsFrame, pairsFrame, popularityOrder, randomEvents, recRows, seenByUser, type Ev, type RecRow } from "./fixtures";

/** Options of {@link recommenderContract}. */
export interface RecommenderContractOptions<O> {
  /** Options passed to every `fit` (include the seed here). Default `{}`. */
  fitOptions?: O;
  /** `fit` accepts `universe: { users, items }` (extra ids without events). Default `false`. */
  supportsUniverse?: boolean;
  /** Cold-start lists must equal the global popularity order (distinct users, ties by id). Default `true`. */
  popularityFallback?: boolean;
  /** `recommend` honours `candidates`. Default `true`. */
  supportsCandidates?: boolean;
  /** Training events. Default: 400 seeded random events over 30 users × 25 items. */
  events?: Ev[];
}

const byUserRank = (a: RecRow, b: RecRow): number => (a.user < b.user ? -1 : a.user > b.user ? 1 : a.rank - b.rank);

function groupByUser(rows: RecRow[]): Map<string, RecRow[]> {
  const m = new Map<string, RecRow[]>();
  for (const r of rows) {
    if (!m.has(r.user)) m.set(r.user, []);
    m.get(r.user)!.push(r);
  }
  return m;
}

/**
 * The shared contract every `Recommender` must pass (cf. mlxtend's shared FP test classes):
 * plug a model in with `recommenderContract(() => itemKnn, { fitOptions: { seed: 7 } })`.
 */
export function recommenderContract<O, M extends FittedModel>(factory: () => Recommender<O, M>, options: RecommenderContractOptions<O> = {}): void {
  const rec = factory();
  const events = options.events ?? randomEvents(400, 11);
  const train = eventsFrame(events);
  const fitOptions = (options.fitOptions ?? {}) as O;
  const seen = seenByUser(events);
  const users = [...seen.keys()].sort();
  const catalogue = new Set(events.map((e) => e.item));
  const fit = async (frame: pl.DataFrame = train, extra: Partial<O> = {}): Promise<M> => rec.fit(frame, { ...fitOptions, ...extra } as O);

  describe(`${rec.name} satisfies the Recommender contract`, () => {
    it("returns user, item, score, rank, fallback with the contract's types, sorted by user then rank, users deduplicated", async () => {
      const model = await fit();
      const asked = [users[3], users[0], users[3], users[1]];
      const recs = rec.recommend(model, asked, { k: 5 });
      expect(recs.columns).toEqual(["user", "item", "score", "rank", "fallback"]);
      expect(recs.dtypes.map(String)).toEqual(["String", "String", "Float64", "Int32", "Bool"].map((t) => `DataType(${t})`));
      const rows = recRows(recs);
      expect(rows).toEqual([...rows].sort(byUserRank));
      expect([...new Set(rows.map((r) => r.user))]).toEqual([users[0], users[1], users[3]]);
      for (const list of groupByUser(rows).values()) {
        expect(list.map((r) => r.rank)).toEqual(list.map((_, j) => j + 1));
        expect(list.length).toBe(5);
        expect(new Set(list.map((r) => r.item)).size).toBe(list.length);
        for (let j = 1; j < list.length; j++) expect(list[j].score).toBeLessThanOrEqual(list[j - 1].score);
        for (const r of list) expect(catalogue.has(r.item)).toBe(true);
      }
    });

    it("leaves out training items unless excludeSeen is false", async () => {
      const model = await fit();
      const rows = recRows(rec.recommend(model, users, { k: 10 }));
      for (const r of rows) expect(seen.get(r.user)!.has(r.item)).toBe(false);
      const all = groupByUser(recRows(rec.recommend(model, users, { k: catalogue.size, excludeSeen: false })));
      for (const u of users) expect(new Set(all.get(u)!.map((r) => r.item))).toEqual(catalogue);
    });

    it("gives the same output for the same seed (and options)", async () => {
      const a = rec.recommend(await fit(), users, { k: 8 });
      const b = rec.recommend(await fit(), users, { k: 8 });
      expect(recRows(b)).toEqual(recRows(a));
    });

    it("flags a cold-start user and falls back to popularity", async () => {
      const model = await fit();
      const rows = recRows(rec.recommend(model, ["nobody", users[0]], { k: 6 }));
      const cold = rows.filter((r) => r.user === "nobody");
      expect(cold.length).toBe(6);
      expect(cold.every((r) => r.fallback)).toBe(true);
      expect(rows.filter((r) => r.user === users[0]).every((r) => !r.fallback)).toBe(true);
      if (options.popularityFallback ?? true) expect(cold.map((r) => r.item)).toEqual(popularityOrder(events).slice(0, 6));
    });

    it("returns every eligible item when k exceeds the catalogue", async () => {
      const model = await fit();
      const lists = groupByUser(recRows(rec.recommend(model, [...users, "nobody"], { k: catalogue.size + 50 })));
      for (const u of users) expect(lists.get(u)!.length).toBe(catalogue.size - seen.get(u)!.size);
      expect(lists.get("nobody")!.length).toBe(catalogue.size);
    });

    it("recommends the same after save → JSON text + copied arrays → load", async () => {
      const model = await fit();
      const saved = rec.save(model);
      const copy = { json: String(JSON.parse(JSON.stringify(saved.json))), arrays: Object.fromEntries(Object.entries(saved.arrays).map(([k, a]) => [k, a.slice()])) };
      const loaded = rec.load(copy);
      expect(recRows(rec.recommend(loaded, [...users, "nobody"], { k: 7 }))).toEqual(recRows(rec.recommend(model, [...users, "nobody"], { k: 7 })));
      expect(() => rec.load({ json: JSON.stringify({ kind: "SomethingElse", userIds: [], itemIds: [], meta: {} }), arrays: {} })).toThrow();
    });

    it("merges duplicate interactions: every row twice gives the same recommendations", async () => {
      const doubled = eventsFrame([...events, ...events]);
      const once = recRows(rec.recommend(await fit(), users, { k: 6 }));
      const twice = recRows(rec.recommend(await fit(doubled), users, { k: 6 }));
      expect(twice.map((r) => [r.user, r.item])).toEqual(once.map((r) => [r.user, r.item]));
      twice.forEach((r, j) => expect(r.score).toBeCloseTo(once[j].score, 4));
    });

    it("rejects k < 1 and non-integer k", async () => {
      const model = await fit();
      expect(() => rec.recommend(model, users, { k: 0 })).toThrow(/k/);
      expect(() => rec.recommend(model, users, { k: 2.5 })).toThrow(/k/);
    });

    if (options.supportsCandidates ?? true) {
      it("ranks only the candidates when given", async () => {
        const model = await fit();
        const cands: [string, string][] = [];
        for (const u of users.slice(0, 5)) for (const i of [...catalogue].slice(0, 12)) if (!seen.get(u)!.has(i)) cands.push([u, i]);
        const rows = recRows(rec.recommend(model, users.slice(0, 5), { k: 30, candidates: pairsFrame(cands) }));
        const allowed = new Set(cands.map(([u, i]) => `${u}|${i}`));
        for (const r of rows) expect(allowed.has(`${r.user}|${r.item}`)).toBe(true);
        for (const u of users.slice(0, 5)) expect(rows.filter((r) => r.user === u).length).toBe(cands.filter((c) => c[0] === u).length);
      });
    }

    if (options.supportsUniverse) {
      it("flags a user known to the index but without training events", async () => {
        const model = await fit(train, { universe: { users: ["registered-only"] } } as unknown as Partial<O>);
        const rows = recRows(rec.recommend(model, ["registered-only"], { k: 4 }));
        expect(rows.length).toBe(4);
        expect(rows.every((r) => r.fallback)).toBe(true);
        if (options.popularityFallback ?? true) expect(rows.map((r) => r.item)).toEqual(popularityOrder(events).slice(0, 4));
      });
    }
  });
}
