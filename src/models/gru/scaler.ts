/**
 * A fitted affine scaler: `scaled = (x − center) / scale`. A plain, serialisable object that a
 * model stores so forecasts come back in original units.
 *
 * @example
 * ```ts
 * const s: Scaler = { kind: "standard", center: 10, scale: 2 };
 * ```
 */
export interface Scaler {
  /** `"standard"`: center = mean, scale = population sd; `"minmax"`: center = min, scale = max − min. */
  kind: ScalerKind;
  /** Subtracted first. */
  center: number;
  /** Divided by next (1 when the fitted data were constant, so scaling stays finite). */
  scale: number;
}

/**
 * How {@link fitScaler} scales: `"standard"` (z-scores) or `"minmax"` (to [0, 1]).
 *
 * @example
 * ```ts
 * const k: ScalerKind = "minmax";
 * ```
 */
export type ScalerKind = "standard" | "minmax";

/**
 * Fits a {@link Scaler} on `values` (the training part only; never on data to be forecast).
 * `"standard"` uses the mean and the population standard deviation, `"minmax"` the minimum and
 * the range. A constant input gets scale 1.
 *
 * @param values finite numbers (at least one).
 * @param kind `"standard"` or `"minmax"`.
 * @returns the scaler.
 * @throws Error on an empty input, a non-finite value or an unknown kind.
 * @example
 * ```ts
 * fitScaler([1, 2, 3], "standard"); // { kind: "standard", center: 2, scale: 0.8165 }
 * fitScaler([1, 2, 3], "minmax");   // { kind: "minmax", center: 1, scale: 2 }
 * ```
 */
export function fitScaler(values: ArrayLike<number>, kind: ScalerKind): Scaler {
  if (kind !== "standard" && kind !== "minmax") throw new Error(`scaler must be "standard" or "minmax", got ${String(kind)}`);
  const n = values.length;
  if (n === 0) throw new Error("fitScaler: no values to fit on");
  let sum = 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) throw new Error(`fitScaler: values[${i}] is ${String(v)}; finite numbers only`);
    sum += v;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (kind === "minmax") return { kind, center: lo, scale: hi > lo ? hi - lo : 1 };
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i] - mean) ** 2;
  const sd = Math.sqrt(ss / n);
  return { kind, center: mean, scale: sd > 0 ? sd : 1 };
}

/**
 * Applies a fitted scaler: `(x − center) / scale`.
 *
 * @param values numbers in original units.
 * @param s the scaler.
 * @returns a new `Float64Array` of scaled values.
 * @example
 * ```ts
 * scaleValues([12], { kind: "standard", center: 10, scale: 2 }); // Float64Array [1]
 * ```
 */
export function scaleValues(values: ArrayLike<number>, s: Scaler): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = (values[i] - s.center) / s.scale;
  return out;
}

/**
 * Inverts a fitted scaler: `x · scale + center`.
 *
 * @param values scaled numbers.
 * @param s the scaler.
 * @returns a new `Float64Array` in original units.
 * @example
 * ```ts
 * unscaleValues([1], { kind: "standard", center: 10, scale: 2 }); // Float64Array [12]
 * ```
 */
export function unscaleValues(values: ArrayLike<number>, s: Scaler): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = values[i] * s.scale + s.center;
  return out;
}
