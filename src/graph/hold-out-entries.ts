import { createRng } from "../util/rng";
import type { Csr } from "./csr";

/**
 * The two parts of {@link holdOutEntries}: same shape as the input, disjoint, their union the input.
 *
 * @example
 * ```ts
 * const { kept, held }: HeldOutEntries = holdOutEntries(train, 0.1, 42);
 * ```
 */
export interface HeldOutEntries {
  /** Entries left in place (the tuning run's training matrix). */
  kept: Csr;
  /** Entries held out (the tuning run's validation matrix). */
  held: Csr;
}

/**
 * Splits every row of a CSR matrix at random into kept and held-out entries, as a validation
 * split carved from a training matrix (used to tune BPR-MF on the Gowalla training file
 * without looking at its test file). Row r holds out `round(fraction · n_r)` entries, but
 * always keeps at least one, so no user becomes cold. Values travel with their entries;
 * columns stay ascending within each row. Deterministic for a seed.
 *
 * @param m the matrix to split (columns ascending within each row).
 * @param fraction share of each row to hold out, in [0, 1).
 * @param seed seed of the row-wise shuffles.
 * @throws Error when `fraction` is outside [0, 1).
 * @example
 * ```ts
 * const { kept, held } = holdOutEntries(train, 0.1, 42);
 * kept.indptr[kept.nRows] + held.indptr[held.nRows] === train.indptr[train.nRows]; // true
 * ```
 */
export function holdOutEntries(m: Csr, fraction: number, seed: number): HeldOutEntries {
  if (!(fraction >= 0 && fraction < 1)) throw new Error(`holdOutEntries: fraction must be in [0, 1), got ${fraction}`);
  const rng = createRng(seed);
  const isHeld = new Uint8Array(m.indptr[m.nRows]);
  for (let r = 0; r < m.nRows; r++) {
    const lo = m.indptr[r];
    const n = m.indptr[r + 1] - lo;
    const take = Math.min(Math.round(fraction * n), n - 1);
    if (take <= 0) continue;
    const pos = Array.from({ length: n }, (_, i) => lo + i);
    for (let i = 0; i < take; i++) {
      const j = i + rng.int(n - i);
      const t = pos[i];
      pos[i] = pos[j];
      pos[j] = t;
      isHeld[pos[i]] = 1;
    }
  }
  return { kept: pick(m, isHeld, 0), held: pick(m, isHeld, 1) };
}

function pick(m: Csr, isHeld: Uint8Array, want: number): Csr {
  const indptr = new Int32Array(m.nRows + 1);
  let count = 0;
  for (let p = 0; p < isHeld.length; p++) if (isHeld[p] === want) count++;
  const indices = new Int32Array(count);
  const values = new Float32Array(count);
  let q = 0;
  for (let r = 0; r < m.nRows; r++) {
    for (let p = m.indptr[r]; p < m.indptr[r + 1]; p++) {
      if (isHeld[p] !== want) continue;
      indices[q] = m.indices[p];
      values[q] = m.values[p];
      q++;
    }
    indptr[r + 1] = q;
  }
  return { nRows: m.nRows, nCols: m.nCols, indptr, indices, values };
}
