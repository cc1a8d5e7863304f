import type { Tensor } from "@tensorflow/tfjs";
import { tfjsInstance as tf } from "../../runtime/backend-loaders";
import { encodeTokens, oneHotWindows } from "./category-sequences";
import type { NextCategoryModel } from "./next-category";

/**
 * Class probabilities for windows of ids, `[count, vocabulary.size]` row-major, one-hot encoded
 * and predicted in batches inside `tf.tidy`.
 *
 * @param m the model.
 * @param x ids `[count, window]` (as from `nextTokenSamples`).
 * @param count number of rows.
 * @returns probabilities as a `Float32Array`.
 * @example
 * ```ts
 * const p = nextCategoryProbabilities(m, samples.x, samples.count);
 * ```
 */
export function nextCategoryProbabilities(m: NextCategoryModel, x: Float32Array, count: number): Float32Array {
  const size = m.vocabulary.size;
  const out = new Float32Array(count * size);
  const batch = 4096;
  for (let from = 0; from < count; from += batch) {
    const b = Math.min(batch, count - from);
    const rows = oneHotWindows(x.subarray(from * m.window, (from + b) * m.window), b, m.window, size);
    const p = tf.tidy(() => (m.model.predict(tf.tensor3d(rows, [b, m.window, size])) as Tensor).dataSync().slice() as Float32Array);
    out.set(p, from * size);
  }
  return out;
}

/**
 * The `k` most likely next categories after a user's recent categories (oldest first; the last
 * `window` are read; unknown categories count as "unknown").
 *
 * @param m the model.
 * @param recent at least `window` recent categories, oldest first.
 * @param k how many to return. Default `3`.
 * @returns `[{ category, probability }]`, most likely first.
 * @throws Error when `recent` has fewer than `window` entries or `k` is not a positive integer.
 * @example
 * ```ts
 * predictNextCategory(m, ["Office", "Restaurant", "Office", "Metro Station", "Gym", "Gym"]);
 * // [{ category: "Coffee Shop", probability: 0.61 }, …]
 * ```
 */
export function predictNextCategory(m: NextCategoryModel, recent: readonly string[], k = 3): { category: string; probability: number }[] {
  if (!Number.isInteger(k) || k < 1) throw new Error(`predictNextCategory: k must be an integer >= 1, got ${String(k)}`);
  if (recent.length < m.window) throw new Error(`predictNextCategory: recent has ${recent.length} categories; the model reads window = ${m.window}`);
  const ids = encodeTokens(recent.slice(recent.length - m.window), m.vocabulary);
  const p = nextCategoryProbabilities(m, Float32Array.from(ids), 1);
  return m.vocabulary.tokens
    .map((category, i) => ({ category, probability: p[i + 2] }))
    .sort((a, b) => b.probability - a.probability || (a.category < b.category ? -1 : 1))
    .slice(0, k);
}
