import type { Csr } from "../graph/csr";
import type { Rng } from "../util/rng";
import { createRng } from "../util/rng";
import type { BprBatch } from "./lightgcn-grad";
import { sortedContains } from "../util/sorted-contains";

/**
 * The generator of epoch `epoch` (0-based) of a run seeded `seed`: a pure function of both, so
 * a run resumed at epoch e draws exactly what an uninterrupted run draws.
 *
 * @example
 * ```ts
 * const rng = epochRng(42, 3); // the 4th epoch's sampling stream
 * ```
 */
export function epochRng(seed: number, epoch: number): Rng {
  if (!(Number.isInteger(epoch) && epoch >= 0)) throw new Error(`epoch must be an integer >= 0, got ${epoch}`);
  return createRng((Math.floor(seed) ^ Math.imul(epoch + 1, 0x9e3779b1)) >>> 0);
}

/**
 * True when the sorted row `row` of `m` holds column `item` (binary search, O(log degree)).
 *
 * @example
 * ```ts
 * rowHas(userItems, u, i); // did user u interact with item i in training?
 * ```
 */
export function rowHas(m: Csr, row: number, item: number): boolean {
  return sortedContains(m.indices, m.indptr[row], m.indptr[row + 1], item);
}

/**
 * BPR triples the way the LightGCN authors sample them (`UniformSample_original`): `count`
 * times, a user uniformly among users with at least one (and not every) item, one of the user's
 * items uniformly as the positive, and an item drawn uniformly until it is not one of the
 * user's items as the negative. Users are therefore sampled uniformly, not in proportion to
 * their activity. The draws are i.i.d., so consecutive slices are already shuffled batches.
 *
 * @param userItems users × items training matrix (columns sorted within rows).
 * @param count number of triples (one epoch = the number of training interactions).
 * @param rng the generator (e.g. {@link epochRng}).
 * @returns parallel arrays of user and item indices.
 * @throws Error when no user has both a positive and a possible negative.
 * @example
 * ```ts
 * const t = sampleBprTriples(r, r.indptr[r.nRows], epochRng(42, 0));
 * ```
 */
export function sampleBprTriples(userItems: Csr, count: number, rng: Rng): BprBatch {
  if (!(Number.isInteger(count) && count >= 0)) throw new Error(`sampleBprTriples: count must be an integer >= 0, got ${count}`);
  const nItems = userItems.nCols;
  const eligible: number[] = [];
  for (let u = 0; u < userItems.nRows; u++) {
    const d = userItems.indptr[u + 1] - userItems.indptr[u];
    if (d > 0 && d < nItems) eligible.push(u);
  }
  if (eligible.length === 0) throw new Error("sampleBprTriples: no user has both an item and an item to use as a negative");
  const users = new Int32Array(count);
  const pos = new Int32Array(count);
  const neg = new Int32Array(count);
  for (let b = 0; b < count; b++) {
    const u = eligible[rng.int(eligible.length)];
    const s = userItems.indptr[u];
    const d = userItems.indptr[u + 1] - s;
    users[b] = u;
    pos[b] = userItems.indices[s + rng.int(d)];
    let q = rng.int(nItems);
    while (rowHas(userItems, u, q)) q = rng.int(nItems);
    neg[b] = q;
  }
  return { users, pos, neg };
}
