import type { FloatArray } from "../graph/csr-multiply";

/**
 * Adam settings (PyTorch names and defaults except `lr`).
 *
 * @example
 * ```ts
 * const o: AdamOptions = { lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8 };
 * ```
 */
export interface AdamOptions {
  lr: number;
  beta1: number;
  beta2: number;
  eps: number;
}

/**
 * One Adam step in place, with PyTorch's arithmetic (`torch.optim.Adam`, no weight decay,
 * not amsgrad): `m ← β1 m + (1−β1) g`, `v ← β2 v + (1−β2) g²`,
 * `θ ← θ − (lr / (1−β1^t)) · m / (√v / √(1−β2^t) + ε)`. Every parameter is updated (LightGCN's
 * gradient is dense after propagation).
 *
 * @param params parameters θ (updated in place).
 * @param grad gradient g (same length).
 * @param m first moment (updated in place).
 * @param v second moment (updated in place).
 * @param t the step number after this update (1 for the first step).
 * @param o learning rate and constants.
 * @example
 * ```ts
 * adamStep(state.e0, result.grad, state.m, state.v, ++state.step, { lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8 });
 * ```
 */
export function adamStep(params: FloatArray, grad: FloatArray, m: FloatArray, v: FloatArray, t: number, o: AdamOptions): void {
  const n = params.length;
  if (grad.length !== n || m.length !== n || v.length !== n) throw new Error("adamStep: params, grad, m and v must have the same length");
  if (!(Number.isInteger(t) && t >= 1)) throw new Error(`adamStep: t must be an integer >= 1, got ${t}`);
  const { lr, beta1, beta2, eps } = o;
  const stepSize = lr / (1 - Math.pow(beta1, t));
  const bc2Sqrt = Math.sqrt(1 - Math.pow(beta2, t));
  const c1 = 1 - beta1;
  const c2 = 1 - beta2;
  for (let i = 0; i < n; i++) {
    const g = grad[i];
    const mi = beta1 * m[i] + c1 * g;
    const vi = beta2 * v[i] + c2 * g * g;
    m[i] = mi;
    v[i] = vi;
    params[i] -= (stepSize * mi) / (Math.sqrt(vi) / bc2Sqrt + eps);
  }
}
