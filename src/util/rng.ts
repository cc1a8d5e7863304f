/**
 * A small, fast, seeded pseudo-random generator (sfc32 seeded through splitmix32).
 * Every random step in the library takes a seed and draws from its own `Rng`;
 * there is no global random state and `Math.random` is never used.
 *
 * @example
 * ```ts
 * const rng = createRng(42);
 * rng.next();        // uniform in [0, 1)
 * rng.int(10);       // integer in [0, 10)
 * rng.normal();      // standard normal
 * ```
 */
export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Standard normal draw (Box–Muller). */
  normal(): number;
  /** Exponential draw with the given rate (mean 1/rate). */
  exponential(rate: number): number;
  /** Poisson draw with mean `lambda` (Knuth for small means, normal approximation above 50). */
  poisson(lambda: number): number;
  /** Picks an index with probability proportional to `weights[i]`. */
  weighted(weights: ArrayLike<number>): number;
  /** Fisher–Yates shuffle in place; returns the same array. */
  shuffle<T>(xs: T[]): T[];
  /** An independent generator derived from this one (for sub-streams). */
  fork(): Rng;
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * Creates a seeded generator. The same seed always yields the same sequence.
 * @param seed any finite number; it is reduced to 32 bits.
 */
export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new Error(`seed must be a finite number, got ${seed}`);
  const init = splitmix32(Math.floor(seed));
  let a = init(), b = init(), c = init(), d = init();
  const u32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) u32();
  let spare: number | null = null;
  const rng: Rng = {
    next: () => u32() / 4294967296,
    int: (n) => {
      if (!(n > 0)) throw new Error(`int(n) needs n > 0, got ${n}`);
      return Math.floor((u32() / 4294967296) * n);
    },
    normal: () => {
      if (spare !== null) {
        const s = spare;
        spare = null;
        return s;
      }
      let u = 0;
      while (u === 0) u = rng.next();
      const v = rng.next();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
    exponential: (rate) => -Math.log(1 - rng.next()) / rate,
    poisson: (lambda) => {
      if (lambda <= 0) return 0;
      if (lambda > 50) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * rng.normal()));
      const l = Math.exp(-lambda);
      let k = 0;
      let p = 1;
      do {
        k++;
        p *= rng.next();
      } while (p > l);
      return k - 1;
    },
    weighted: (weights) => {
      let total = 0;
      for (let i = 0; i < weights.length; i++) total += weights[i];
      if (!(total > 0)) throw new Error("weighted() needs a positive total weight");
      let r = rng.next() * total;
      for (let i = 0; i < weights.length; i++) {
        r -= weights[i];
        if (r < 0) return i;
      }
      return weights.length - 1;
    },
    shuffle: (xs) => {
      for (let i = xs.length - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        const t = xs[i];
        xs[i] = xs[j];
        xs[j] = t;
      }
      return xs;
    },
    fork: () => createRng(u32()),
  };
  return rng;
}
