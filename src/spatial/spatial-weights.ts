/**
 * A sparse spatial weight matrix in CSR form: the neighbours of unit i are
 * `neighbours[offsets[i] … offsets[i+1])` with weights `weights[…]` (same range).
 *
 * @example
 * ```ts
 * const w: SpatialWeights = gridWeights({ nRows: 3, nCols: 3, cellSizeM: 100 }, { kind: "band", bandM: 150 });
 * ```
 */
export interface SpatialWeights {
  /** Number of units (cells). */
  n: number;
  offsets: Int32Array;
  neighbours: Int32Array;
  weights: Float64Array;
}

/**
 * How neighbours are chosen: a binary distance band (every cell whose centre is within `bandM`
 * metres, default 1.5 × cell size = the cell and its 8 queen neighbours) or the `k` nearest
 * other cells (ties broken by row offset, then column offset).
 *
 * @example
 * ```ts
 * const band: WeightScheme = { kind: "band", bandM: 1000 };
 * const knn: WeightScheme = { kind: "knn", k: 8 };
 * ```
 */
export type WeightScheme = { kind: "band"; bandM?: number } | { kind: "knn"; k: number };

/**
 * The shape of a regular grid of square cells (ids `row · nCols + col`).
 *
 * @example
 * ```ts
 * const shape: GridShape = { nRows: 40, nCols: 30, cellSizeM: 500 };
 * ```
 */
export interface GridShape {
  nRows: number;
  nCols: number;
  /** Side of a cell, metres. */
  cellSizeM: number;
}

function offsetsWithin(radius: number): { dr: number; dc: number; d2: number }[] {
  const out: { dr: number; dc: number; d2: number }[] = [];
  for (let dr = -radius; dr <= radius; dr++) for (let dc = -radius; dc <= radius; dc++) out.push({ dr, dc, d2: dr * dr + dc * dc });
  return out.sort((a, b) => a.d2 - b.d2 || a.dr - b.dr || a.dc - b.dc);
}

/**
 * Binary weights between the cells of a regular grid, by the distance between cell centres
 * (`cellSizeM · √(Δrow² + Δcol²)`). **Every cell is its own neighbour (w_ii = 1)**, as Gi*
 * needs; drop the diagonal yourself for Gi or Moran's I. Cells outside the grid do not exist
 * (edge cells have fewer neighbours under a band, farther ones under kNN).
 *
 * @param grid rows, columns and cell size
 * @param scheme see {@link WeightScheme}. Default `{ kind: "band" }` (band 1.5 × cell size).
 * @returns CSR weights, neighbours of each cell in order of distance (self first)
 * @example
 * ```ts
 * const w = gridWeights(makeGrid(box, 500), { kind: "knn", k: 8 });
 * ```
 */
export function gridWeights(grid: GridShape, scheme: WeightScheme = { kind: "band" }): SpatialWeights {
  const { nRows, nCols, cellSizeM } = grid;
  if (!(Number.isInteger(nRows) && nRows >= 1 && Number.isInteger(nCols) && nCols >= 1)) throw new Error(`gridWeights: nRows and nCols must be integers >= 1, got ${nRows} × ${nCols}`);
  if (!(cellSizeM > 0)) throw new Error(`gridWeights: cellSizeM must be > 0, got ${cellSizeM}`);
  const n = nRows * nCols;
  if (scheme.kind === "band") {
    const bandM = scheme.bandM ?? 1.5 * cellSizeM;
    if (!(bandM >= 0) || !Number.isFinite(bandM)) throw new Error(`gridWeights: bandM must be a finite number of metres >= 0, got ${bandM}`);
    const lim = (bandM / cellSizeM) ** 2 * (1 + 1e-12);
    const offs = offsetsWithin(Math.floor(bandM / cellSizeM)).filter((o) => o.d2 <= lim);
    return build(grid, offs, Infinity, Infinity)!;
  }
  if (scheme.kind === "knn") {
    const k = scheme.k;
    if (!Number.isInteger(k) || k < 1) throw new Error(`gridWeights: k must be an integer >= 1, got ${k}`);
    if (k > n - 1) throw new Error(`gridWeights: k = ${k} nearest neighbours need more than ${n} cells; k must be in [1, ${n - 1}]`);
    // start with a radius whose quarter disc holds k + 1 cells; widen until every cell's k-th
    // neighbour lies within the searched radius (so no unsearched cell can be nearer)
    for (let r = Math.ceil(Math.sqrt((4 * (k + 1)) / Math.PI)) + 1; ; r *= 2) {
      const w = build(grid, offsetsWithin(r), k + 1, r * r);
      if (w) return w;
    }
  }
  throw new Error(`gridWeights: invalid scheme kind '${(scheme as { kind: string }).kind}' (use "band" or "knn")`);
}

/** CSR weights from sorted offsets, `take` neighbours per cell at most; null when a cell's last taken neighbour is beyond `maxD2`. */
function build(grid: GridShape, offs: { dr: number; dc: number; d2: number }[], take: number, maxD2: number): SpatialWeights | null {
  const { nRows, nCols } = grid;
  const n = nRows * nCols;
  const offsets = new Int32Array(n + 1);
  const nb: number[] = [];
  for (let row = 0; row < nRows; row++) {
    for (let col = 0; col < nCols; col++) {
      let got = 0;
      let last = 0;
      for (const o of offs) {
        const r2 = row + o.dr;
        const c2 = col + o.dc;
        if (r2 < 0 || r2 >= nRows || c2 < 0 || c2 >= nCols) continue;
        nb.push(r2 * nCols + c2);
        last = o.d2;
        if (++got >= take) break;
      }
      if (take !== Infinity && (got < take || last > maxD2)) return null;
      offsets[row * nCols + col + 1] = nb.length;
    }
  }
  const neighbours = Int32Array.from(nb);
  return { n, offsets, neighbours, weights: new Float64Array(neighbours.length).fill(1) };
}
