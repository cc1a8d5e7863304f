/**
 * Boundary checks shared by the time-series functions: every public entry point turns its
 * input into a fresh `Float64Array` here, so bad values fail loudly with the parameter named
 * and the kernels never see NaN.
 */

/**
 * Copies `y` into a new `Float64Array`, rejecting anything that is not a finite number.
 *
 * @param y the series (array or typed array).
 * @param name parameter name used in error messages. Default `"y"`.
 * @param minLength fewest values accepted. Default 1.
 * @returns a copy; the input is never modified.
 * @throws Error naming `name` and the first offending index (NaN, null, Infinity), or the length.
 * @example
 * ```ts
 * toSeries([1, 2, 3]);           // Float64Array [1, 2, 3]
 * toSeries([1, NaN], "y");       // throws "y[1] is NaN: …"
 * ```
 */
export function toSeries(y: ArrayLike<number>, name = "y", minLength = 1): Float64Array {
  if (y == null || typeof (y as { length?: unknown }).length !== "number") {
    throw new Error(`${name} must be an array of numbers, got ${y === null ? "null" : typeof y}`);
  }
  const n = y.length;
  if (n < minLength) throw new Error(`${name} has ${n} values; at least ${minLength} are needed`);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = y[i];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw new Error(`${name}[${i}] is ${String(v)}: ${name} must hold finite numbers (no NaN, null or Infinity; impute or drop missing values first)`);
    }
    out[i] = v;
  }
  return out;
}

/**
 * Checks that `value` is an integer in `[min, max]`.
 *
 * @throws Error `"<name> must be an integer in [min, max], got <value>"`.
 * @example
 * ```ts
 * checkInteger("order[0]", 2, 0);    // ok
 * checkInteger("order[0]", 1.5, 0);  // throws
 * ```
 */
export function checkInteger(name: string, value: unknown, min: number, max = Number.POSITIVE_INFINITY): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.POSITIVE_INFINITY ? `>= ${min}` : `in [${min}, ${max}]`;
    throw new Error(`${name} must be an integer ${range}, got ${String(value)}`);
  }
  return value;
}

/**
 * True when every value equals the first one up to R's `all.equal` tolerance
 * (mean absolute difference relative to mean absolute value below 1.5e-8), as
 * `forecast:::is.constant` decides.
 *
 * @example
 * ```ts
 * isConstant(new Float64Array([3, 3, 3])); // true
 * ```
 */
export function isConstant(x: ArrayLike<number>): boolean {
  const n = x.length;
  if (n <= 1) return true;
  const x0 = x[0];
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < n; i++) {
    diff += Math.abs(x[i] - x0);
    scale += Math.abs(x[i]);
  }
  diff /= n;
  scale /= n;
  return scale > 1.5e-8 ? diff / scale < 1.5e-8 : diff < 1.5e-8;
}
