import type { Rng } from "../util/rng";
import type { Csr } from "./csr";
import { sortedContains } from "../util/sorted-contains";

/** Factor matrices of a BPR-MF model, row-major: row u of `users` is `users[u*d .. u*d+d)`. */
export interface BprFactors {
  d: number;
  users: Float32Array;
  items: Float32Array;
}

/** Step settings of {@link bprEpoch}. */
export interface BprStep {
  /** SGD learning rate η > 0. */
  learningRate: number;
  /** L2 coefficient λ ≥ 0 applied to the three factor rows of each triple. */
  reg: number;
  /**
   * Negative candidates per triple, an integer ≥ 1. With 1 (the default) the negative is drawn
   * uniformly (Rendle et al. 2009); with c > 1, c non-interacted items are drawn and the one the
   * model currently scores highest is used (dynamic negative sampling, Zhang et al. 2013).
   */
  negCandidates?: number;
}

/**
 * Row (user) of every stored entry of a CSR matrix.
 *
 * @example
 * ```ts
 * rowOfEntries({ nRows: 2, nCols: 3, indptr: Int32Array.of(0, 2, 3), indices: Int32Array.of(0, 2, 1), values }); // [0, 0, 1]
 * ```
 */
export function rowOfEntries(m: Csr): Int32Array {
  const rows = new Int32Array(m.indptr[m.nRows]);
  for (let r = 0; r < m.nRows; r++) rows.fill(r, m.indptr[r], m.indptr[r + 1]);
  return rows;
}

/**
 * Random initial factors, N(0, std²) from the seeded generator (users first, then items).
 *
 * @example
 * ```ts
 * const f = initFactors(943, 1682, 64, 0.1, createRng(42));
 * ```
 */
export function initFactors(nUsers: number, nItems: number, d: number, std: number, rng: Rng): BprFactors {
  const users = new Float32Array(nUsers * d);
  const items = new Float32Array(nItems * d);
  for (let p = 0; p < users.length; p++) users[p] = std * rng.normal();
  for (let p = 0; p < items.length; p++) items[p] = std * rng.normal();
  return { d, users, items };
}

/**
 * One epoch of BPR (Rendle et al. 2009) by plain SGD, in place on `f`: every positive pair
 * (u, i) of `m` once, in a seeded random order, each with one negative j drawn uniformly among
 * the items u has not interacted with. With x = p_u · (q_i − q_j) and g = σ(−x):
 *
 *   p_u += η (g (q_i − q_j) − λ p_u),  q_i += η (g p_u − λ q_i),  q_j += η (−g p_u − λ q_j).
 *
 * A user who interacted with every item has no negative and is skipped. With
 * `step.negCandidates = c > 1`, j is the highest-scoring of c uniform draws (dynamic negative
 * sampling); c = 1 consumes the generator exactly as the plain sampler does.
 *
 * @param m users × items training matrix (only the pattern is used).
 * @param rowOf user of each stored entry (see {@link rowOfEntries}).
 * @param f factors, updated in place.
 * @param step learning rate and L2.
 * @param rng seeded generator (order and negatives).
 * @returns the mean BPR loss −ln σ(x) over the triples, before their update (L2 term excluded).
 * @example
 * ```ts
 * const loss = bprEpoch(inter.csr, rowOfEntries(inter.csr), factors, { learningRate: 0.05, reg: 0.001 }, rng);
 * ```
 */
export function bprEpoch(m: Csr, rowOf: Int32Array, f: BprFactors, step: BprStep, rng: Rng): number {
  const nnz = m.indptr[m.nRows];
  const nItems = m.nCols;
  const { d, users: P, items: Q } = f;
  const { learningRate: lr, reg } = step;
  const cands = step.negCandidates ?? 1;
  if (!(Number.isInteger(cands) && cands >= 1)) throw new Error(`negCandidates must be an integer >= 1, got ${cands}`);
  const order = new Int32Array(nnz);
  for (let p = 0; p < nnz; p++) order[p] = p;
  for (let p = nnz - 1; p > 0; p--) {
    const q = rng.int(p + 1);
    const t = order[p];
    order[p] = order[q];
    order[q] = t;
  }
  let loss = 0;
  let used = 0;
  for (let t = 0; t < nnz; t++) {
    const p = order[t];
    const u = rowOf[p];
    const lo = m.indptr[u];
    const hi = m.indptr[u + 1];
    if (hi - lo >= nItems) continue;
    const i = m.indices[p];
    const pu = u * d;
    let j = rng.int(nItems);
    while (sortedContains(m.indices, lo, hi, j)) j = rng.int(nItems);
    if (cands > 1) {
      let best = dot(P, pu, Q, j * d, d);
      for (let c = 1; c < cands; c++) {
        let q = rng.int(nItems);
        while (sortedContains(m.indices, lo, hi, q)) q = rng.int(nItems);
        const sq = dot(P, pu, Q, q * d, d);
        if (sq > best) {
          best = sq;
          j = q;
        }
      }
    }
    const qi = i * d;
    const qj = j * d;
    let x = 0;
    for (let c = 0; c < d; c++) x += P[pu + c] * (Q[qi + c] - Q[qj + c]);
    // −ln σ(x) = softplus(−x), computed stably
    loss += x > 0 ? Math.log1p(Math.exp(-x)) : -x + Math.log1p(Math.exp(x));
    used++;
    const g = 1 / (1 + Math.exp(x));
    for (let c = 0; c < d; c++) {
      const a = P[pu + c];
      const bi = Q[qi + c];
      const bj = Q[qj + c];
      P[pu + c] = a + lr * (g * (bi - bj) - reg * a);
      Q[qi + c] = bi + lr * (g * a - reg * bi);
      Q[qj + c] = bj + lr * (-g * a - reg * bj);
    }
  }
  return used ? loss / used : 0;
}

/** p·q over d components of two row-major factor rows. */
function dot(P: Float32Array, pOff: number, Q: Float32Array, qOff: number, d: number): number {
  let x = 0;
  for (let c = 0; c < d; c++) x += P[pOff + c] * Q[qOff + c];
  return x;
}
