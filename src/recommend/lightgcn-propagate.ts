import { spmmBlocked } from "../graph/blocked-spmm";
import type { Csr } from "../graph/csr";
import type { FloatArray } from "../graph/csr-multiply";

/**
 * LightGCN's final embeddings `F = (E0 + ÂE0 + … + Â^K E0) / (K+1)` for every node, in the
 * blocked layout (K full sparse passes).
 *
 * @param adj normalised square adjacency Â (users then items).
 * @param e0 layer-0 embeddings, blocked (`nNodes · dp`).
 * @param layers K ≥ 0.
 * @param dp padded width.
 * @param options `spmm`: the full-pass kernel (default `spmmBlocked`; pass a pool's `spmm` with
 *   shared operands to use several threads); `scratch`: two buffers of `e0.length` values to
 *   use for the layers (e.g. shared ones a pool already knows). Defaults: single-threaded, fresh buffers.
 * @returns a new blocked `Float32Array`.
 * @example
 * ```ts
 * const final = propagateLayers(adj, state.e0, 3, state.dp);
 * const items = fromBlocked(final, nUsers + nItems, 64, nUsers);
 * ```
 */
export function propagateLayers(
  adj: Csr,
  e0: FloatArray,
  layers: number,
  dp: number,
  options: { spmm?: (a: Csr, xb: FloatArray, dp: number, out: FloatArray) => void; scratch?: [FloatArray, FloatArray] } = {},
): Float32Array {
  const kernel = options.spmm ?? spmmBlocked;
  if (!(Number.isInteger(layers) && layers >= 0)) throw new Error(`layers must be an integer >= 0, got ${layers}`);
  const sum = Float64Array.from(e0);
  let cur: FloatArray = e0;
  if (options.scratch && options.scratch.some((s) => s.length !== e0.length)) throw new Error("propagateLayers: scratch buffers must have e0.length values");
  let a: FloatArray = options.scratch?.[0] ?? new Float32Array(e0.length);
  let b: FloatArray = options.scratch?.[1] ?? new Float32Array(e0.length);
  for (let k = 1; k <= layers; k++) {
    kernel(adj, cur, dp, a);
    for (let i = 0; i < sum.length; i++) sum[i] += a[i];
    cur = a;
    const t = a;
    a = b;
    b = t;
  }
  const out = new Float32Array(e0.length);
  const inv = 1 / (layers + 1);
  for (let i = 0; i < out.length; i++) out[i] = sum[i] * inv;
  return out;
}
