import pl from "nodejs-polars";
import { candidateSets } from "./candidate-sets";
import { findId } from "./csr";
import type { BaseFitted } from "./fitted-base";
import type { RecommendOptions } from "./recommender";
import { recsFrame, type UserTopK } from "./recs-frame";
import { topK, type TopK } from "./top-k";

/** How a model scores one known user (dense index u). */
export interface UserScorer {
  /** Writes the score of every item into `out` (length nItems; it arrives zeroed). */
  score(u: number, out: Float32Array): void;
  /**
   * Optional fast path for full ranking: must return exactly `topK(score(u), k, { exclude })`
   * (e.g. accumulating only the items a sparse model touches).
   */
  rank?(u: number, k: number, exclude: Int32Array): TopK;
  /**
   * Optional batched scoring: writes the scores of `us[b]` into `outs[b]` (zeroed), for up to
   * `batch` users at once; used for full ranking when present (faster dense models).
   */
  scoreBatch?: { batch: number; score(us: Int32Array, outs: readonly Float32Array[]): void };
}

/**
 * The shared `recommend` of the baselines: validates the options, ranks each requested user with
 * the model's scorer and returns the recommendation frame (see `recsFrame`).
 *
 * - Users are deduplicated and returned in sorted id order.
 * - A user unknown to the model, or known without a training event, gets the top of
 *   `model.popularity` with `fallback = true`.
 * - `excludeSeen` (default true) leaves out the user's training items; `k` larger than the
 *   eligible items returns them all.
 * - `candidates` restricts each user's ranking to the given items.
 *
 * @param model the fitted model (with the {@link BaseFitted} fields).
 * @param users user ids to recommend for.
 * @param options `k`, `excludeSeen`, `candidates`.
 * @param scorer the model's scoring of a known user.
 * @example
 * ```ts
 * recommend: (m, users, o) => recommendUsers(m, users, o, { score: (u, out) => scoreItems(m, u, out) })
 * ```
 */
export function recommendUsers(model: BaseFitted, users: readonly string[], options: RecommendOptions, scorer: UserScorer): pl.DataFrame {
  const k = options?.k;
  if (!(Number.isInteger(k) && k >= 1)) throw new Error(`k must be an integer >= 1, got ${k}`);
  const excludeSeen = options.excludeSeen ?? true;
  if (!Array.isArray(users)) throw new Error("users must be an array of user ids");
  users.forEach((u, j) => {
    if (typeof u !== "string") throw new Error(`users[${j}] must be a string id, got ${String(u)}`);
  });
  const wanted = [...new Set(users)].sort();
  const cands = options.candidates ? candidateSets(options.candidates, wanted, model.itemIds) : null;
  const nItems = model.itemIds.length;
  const buffer = new Float32Array(nItems);
  const none = new Int32Array(0);
  const seenOf = (u: number): Int32Array => (excludeSeen ? model.seenIndices.subarray(model.seenIndptr[u], model.seenIndptr[u + 1]) : none);
  let popular: TopK | null = null;
  const index = wanted.map((user) => {
    const u = findId(model.userIds, user);
    return u >= 0 && model.seenIndptr[u + 1] > model.seenIndptr[u] ? u : -1;
  });
  const lists: UserTopK[] = wanted.map((user, j) => {
    const u = index[j];
    const among = cands ? cands[j] : undefined;
    if (u < 0) {
      const top = among ? topK(model.popularity, k, { among }) : (popular ??= topK(model.popularity, k));
      return { user, fallback: true, ...top };
    }
    if (among) {
      buffer.fill(0);
      scorer.score(u, buffer);
      return { user, fallback: false, ...topK(buffer, k, { exclude: seenOf(u), among }) };
    }
    if (scorer.rank) return { user, fallback: false, ...scorer.rank(u, k, seenOf(u)) };
    return { user, fallback: false, items: none, scores: new Float32Array(0) }; // dense: filled below
  });
  const dense = cands || scorer.rank ? [] : index.flatMap((u, j) => (u >= 0 ? [j] : []));
  const batch = scorer.scoreBatch?.batch ?? 1;
  const outs = batch > 1 ? Array.from({ length: batch }, () => new Float32Array(nItems)) : [buffer];
  for (let t = 0; t < dense.length; t += batch) {
    const js = dense.slice(t, t + batch);
    const us = Int32Array.from(js, (j) => index[j]);
    for (const o of outs) o.fill(0);
    if (scorer.scoreBatch && batch > 1) scorer.scoreBatch.score(us, outs.slice(0, js.length));
    else scorer.score(us[0], outs[0]);
    js.forEach((j, b) => Object.assign(lists[j], topK(outs[b], k, { exclude: seenOf(us[b]) })));
  }
  return recsFrame(lists, model.itemIds);
}
