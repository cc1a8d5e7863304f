import { transposeCsr, type Csr } from "./csr";
import { TopKHeap } from "./top-k";

/** Options of {@link cosineNeighbors}. */
export interface CosineNeighborsOptions {
  /** Neighbours kept per row, an integer ≥ 1. Default `100`. */
  neighbors?: number;
  /** Shrinkage λ ≥ 0 added to the norm product. Default `0`. */
  shrink?: number;
}

const defaults = { neighbors: 100, shrink: 0 };

/**
 * Top-k cosine neighbours between the rows of a sparse matrix (e.g. items as rows of the
 * items × users matrix), with shrinkage:
 *
 *   sim(a, b) = (x_a · x_b) / (‖x_a‖ ‖x_b‖ + λ)
 *
 * Only pairs sharing a column are visited (sparse, O(Σ_f |col f|²) over the columns f), a row is
 * never its own neighbour, only positive similarities are kept, and each row keeps its
 * `neighbors` most similar rows (ties by smaller index), stored ascending by index.
 *
 * @param m rows × features, non-negative values in practice.
 * @param options see {@link CosineNeighborsOptions}.
 * @returns rows × rows CSR of similarities.
 * @example
 * ```ts
 * const itemsByUser = transposeCsr(inter.csr);
 * const sims = cosineNeighbors(itemsByUser, { neighbors: 50, shrink: 10 });
 * ```
 */
export function cosineNeighbors(m: Csr, options: CosineNeighborsOptions = {}): Csr {
  const k = options.neighbors ?? defaults.neighbors;
  const shrink = options.shrink ?? defaults.shrink;
  if (!(Number.isInteger(k) && k >= 1)) throw new Error(`neighbors must be an integer >= 1, got ${k}`);
  if (!(Number.isFinite(shrink) && shrink >= 0)) throw new Error(`shrink must be a finite number >= 0, got ${shrink}`);
  const n = m.nRows;
  const byFeature = transposeCsr(m);
  const norm = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    let s = 0;
    for (let p = m.indptr[a]; p < m.indptr[a + 1]; p++) s += m.values[p] * m.values[p];
    norm[a] = Math.sqrt(s);
  }
  const acc = new Float64Array(n);
  const stamp = new Int32Array(n).fill(-1);
  const touched = new Int32Array(n);
  const indptr = new Int32Array(n + 1);
  const rows: { items: Int32Array; scores: Float32Array }[] = new Array(n);
  const { indptr: mPtr, indices: mIdx, values: mVal } = m;
  const { indptr: fPtr, indices: fIdx, values: fVal } = byFeature;
  for (let a = 0; a < n; a++) {
    let nt = 0;
    for (let p = mPtr[a]; p < mPtr[a + 1]; p++) {
      const f = mIdx[p];
      const va = mVal[p];
      const end = fPtr[f + 1];
      for (let q = fPtr[f]; q < end; q++) {
        const b = fIdx[q];
        if (stamp[b] !== a) {
          stamp[b] = a;
          acc[b] = 0;
          touched[nt++] = b;
        }
        acc[b] += va * fVal[q];
      }
    }
    const heap = new TopKHeap(k);
    for (let t = 0; t < nt; t++) {
      const b = touched[t];
      if (b === a) continue;
      const sim = acc[b] / (norm[a] * norm[b] + shrink);
      if (sim > 0 && sim >= heap.threshold()) heap.offer(sim, b);
    }
    const best = heap.result();
    const order = Array.from(best.items.keys()).sort((x, y) => best.items[x] - best.items[y]);
    rows[a] = { items: Int32Array.from(order, (j) => best.items[j]), scores: Float32Array.from(order, (j) => best.scores[j]) };
    indptr[a + 1] = indptr[a] + order.length;
  }
  const indices = new Int32Array(indptr[n]);
  const values = new Float32Array(indptr[n]);
  for (let a = 0; a < n; a++) {
    indices.set(rows[a].items, indptr[a]);
    values.set(rows[a].scores, indptr[a]);
  }
  return { nRows: n, nCols: n, indptr, indices, values };
}
