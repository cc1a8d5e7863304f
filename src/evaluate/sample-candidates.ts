import pl from "nodejs-polars";
import { requireColumns } from "../clean/frame-access";
import { encodeIds, sortedIds } from "../recommend/id-index";
import { COL } from "../schema";
import { createRng } from "../util/rng";

/** Options of {@link sampleCandidates}. */
export interface SampleCandidatesOptions {
  /** Negatives per test user, an integer ≥ 1 (RecBole's `uni100` is 100). Required. */
  n: number;
  /** Seed of the draw. Required (put the protocol's `candidates.seed` here). */
  seed: number;
  /** Catalogue to draw from. Default: every item of `train` and `truth`. */
  items?: readonly string[];
}

/**
 * Candidates of a sampled-negative protocol: for each test user (sorted), their held-out items
 * plus `n` items drawn uniformly without replacement from the catalogue items the user has
 * neither in training nor in the truth (all of them when fewer remain). Pass the result to
 * `recommend(…, { candidates })` and to `evaluate`'s context. Deterministic for a seed.
 *
 * @param truth held-out (user, item).
 * @param train training (user, item).
 * @param options see {@link SampleCandidatesOptions}.
 * @returns frame (user, item), held-out items first within each user.
 * @example
 * ```ts
 * const candidates = sampleCandidates(test, train, { n: 100, seed: 42 });
 * const recs = bprMf.recommend(fitted, users, { k: 10, candidates });
 * evaluate(test, recs, { ...protocol, candidates: { sampled: 100, seed: 42 } }, { train, candidates });
 * ```
 */
export function sampleCandidates(truth: pl.DataFrame, train: pl.DataFrame, options: SampleCandidatesOptions): pl.DataFrame {
  const { n, seed } = options;
  if (!(Number.isInteger(n) && n >= 1)) throw new Error(`n must be an integer >= 1, got ${n}`);
  if (!Number.isFinite(seed)) throw new Error(`seed must be a finite number, got ${seed}`);
  requireColumns(truth, [COL.user, COL.item], "sampleCandidates (truth)");
  requireColumns(train, [COL.user, COL.item], "sampleCandidates (train)");
  const items = options.items ? [...new Set(options.items)].sort() : sortedIds(pl.concat([train.select(COL.item), truth.select(COL.item)]), COL.item);
  const users = sortedIds(truth, COL.user);
  const byUser = (df: pl.DataFrame): Set<number>[] => {
    const u = encodeIds(df, COL.user, users);
    const i = encodeIds(df, COL.item, items);
    const sets = users.map(() => new Set<number>());
    for (let r = 0; r < u.length; r++) if (u[r] >= 0 && i[r] >= 0) sets[u[r]].add(i[r]);
    return sets;
  };
  const held = byUser(truth);
  const seen = byUser(train);
  const rng = createRng(seed);
  const outUser: string[] = [];
  const outItem: string[] = [];
  const heldIds = truth.select(pl.col(COL.user).cast(pl.Utf8), pl.col(COL.item).cast(pl.Utf8)).unique({ maintainOrder: true });
  const heldByUser = new Map<string, string[]>();
  for (const [u, i] of heldIds.rows() as [string, string][]) {
    const list = heldByUser.get(u);
    if (list) list.push(i);
    else heldByUser.set(u, [i]);
  }
  users.forEach((user, x) => {
    for (const i of heldByUser.get(user) ?? []) {
      outUser.push(user);
      outItem.push(i);
    }
    const free = items.length - new Set([...held[x], ...seen[x]]).size;
    const taken = new Set<number>();
    if (n >= free / 2) {
      const pool: number[] = [];
      for (let i = 0; i < items.length; i++) if (!held[x].has(i) && !seen[x].has(i)) pool.push(i);
      rng.shuffle(pool);
      for (const i of pool.slice(0, n)) taken.add(i);
    } else {
      while (taken.size < n) {
        const i = rng.int(items.length);
        if (!held[x].has(i) && !seen[x].has(i)) taken.add(i);
      }
    }
    for (const i of [...taken].sort((a, b) => a - b)) {
      outUser.push(user);
      outItem.push(items[i]);
    }
  });
  return pl.DataFrame({ [COL.user]: pl.Series(COL.user, outUser, pl.Utf8), [COL.item]: pl.Series(COL.item, outItem, pl.Utf8) });
}

/**
 * Throws when a recommendation frame holds a (user, item) pair that is not a candidate: the
 * sign of a model that ignored `recommend(…, { candidates })`.
 *
 * @example
 * ```ts
 * checkCandidates(recs, candidates);
 * ```
 */
export function checkCandidates(recs: pl.DataFrame, candidates: pl.DataFrame): void {
  requireColumns(candidates, [COL.user, COL.item], "evaluate (candidates)");
  const pairs = (df: pl.DataFrame) => df.select(pl.col(COL.user).cast(pl.Utf8), pl.col(COL.item).cast(pl.Utf8));
  const outside = pairs(recs).join(pairs(candidates).unique(), { on: [COL.user, COL.item], how: "anti" }).height;
  if (outside > 0) throw new Error(`${outside} recommended pair(s) are not candidates: pass the candidates to recommend() ({ candidates })`);
}
