import { blockAdjacency } from "../graph/block-adjacency";
import type { Csr } from "../graph/csr";
import { normalizeAdjacency } from "../graph/normalize-adjacency";
import type { LightGcnGraph } from "./lightgcn-train";

/**
 * Options of {@link lightGcnGraph}.
 *
 * @example
 * ```ts
 * lightGcnGraph(r, { itemItem: transitions, itemItemWeight: 0.5 });
 * ```
 */
export interface LightGcnGraphOptions {
  /** Use the stored user–item values as edge weights instead of 1. Default `false` (LightGCN). */
  weighted?: boolean;
  /** Symmetric item–item block added to the propagation graph (the ST-GCN variant). Default: none. */
  itemItem?: Csr;
  /** Factor of the item–item block before normalisation. Default 1. */
  itemItemWeight?: number;
}

/**
 * The propagation graph of LightGCN: `Â = D^-1/2 A D^-1/2` with `A = [[0, R], [Rᵀ, S]]`, `R` the
 * users × items interactions (binary by default) and `S` an optional item–item block.
 *
 * @param userItems users × items training matrix (columns sorted within rows).
 * @param options see {@link LightGcnGraphOptions}.
 * @returns the {@link LightGcnGraph} (`userItems` binarised unless `weighted`).
 * @throws Error when a value of `R` is negative or not finite.
 * @example
 * ```ts
 * const graph = lightGcnGraph(indexInteractions(train).csr);
 * ```
 */
export function lightGcnGraph(userItems: Csr, options: LightGcnGraphOptions = {}): LightGcnGraph {
  for (let p = 0; p < userItems.values.length; p++) {
    const v = userItems.values[p];
    if (!(Number.isFinite(v) && v >= 0)) throw new Error(`lightGcnGraph: interaction value ${v} at position ${p} must be finite and >= 0`);
  }
  const r: Csr = options.weighted ? userItems : { ...userItems, values: new Float32Array(userItems.values.length).fill(1) };
  const adj = normalizeAdjacency(blockAdjacency(r, { itemItem: options.itemItem, itemItemWeight: options.itemItemWeight ?? 1 }));
  return { nUsers: userItems.nRows, nItems: userItems.nCols, adj, userItems: r };
}
