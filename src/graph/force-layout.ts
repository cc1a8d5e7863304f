import { SEED } from "../schema";
import { createRng } from "../util/rng";

/**
 * Options of {@link forceLayout}.
 *
 * @example
 * ```ts
 * forceLayout(50, edges, { iterations: 300, seed: 7 });
 * ```
 */
export interface ForceLayoutOptions {
  /** Iterations of the simulation. Default 200. */
  iterations?: number;
  /** Seed of the initial positions. Default `SEED` (42). */
  seed?: number;
  /** Refuse graphs above this many nodes (the repulsion is all-pairs). Default 3000. */
  maxNodes?: number;
}

const defaults = { iterations: 200, seed: SEED, maxNodes: 3000 };

/**
 * A deterministic Fruchterman–Reingold layout for drawing a small graph: seeded uniform start
 * positions in the unit square, all-pairs repulsion k²/d, attraction d²/k · weight along edges,
 * displacement capped by a temperature that cools linearly to 0. Same input and seed, same
 * positions. O(iterations · n²): for subsets of a few thousand nodes, not for whole graphs.
 *
 * @param n number of nodes.
 * @param edges `{ source, target, weight? }` with node indices in `[0, n)`.
 * @param options see {@link ForceLayoutOptions}.
 * @returns positions, row-major `n × 2` (x, y), centred on 0.
 * @throws Error when `n` exceeds `maxNodes` or an edge index is out of range.
 * @example
 * ```ts
 * const xy = forceLayout(3, [{ source: 0, target: 1 }, { source: 1, target: 2 }]);
 * ```
 */
export function forceLayout(n: number, edges: readonly { source: number; target: number; weight?: number }[], options: ForceLayoutOptions = {}): Float64Array {
  const o = { ...defaults, ...options };
  if (!(Number.isInteger(n) && n >= 0)) throw new Error(`forceLayout: n must be an integer >= 0, got ${n}`);
  if (n > o.maxNodes) throw new Error(`forceLayout: ${n} nodes exceed maxNodes = ${o.maxNodes} (the layout is all-pairs; draw a subset)`);
  if (!(Number.isInteger(o.iterations) && o.iterations >= 0)) throw new Error(`forceLayout: iterations must be an integer >= 0, got ${o.iterations}`);
  edges.forEach((e, j) => {
    if (!(Number.isInteger(e.source) && Number.isInteger(e.target) && e.source >= 0 && e.target >= 0 && e.source < n && e.target < n)) {
      throw new Error(`forceLayout: edge ${j} (${e.source} → ${e.target}) is outside [0, ${n})`);
    }
  });
  const rng = createRng(o.seed);
  const pos = new Float64Array(2 * n);
  for (let i = 0; i < 2 * n; i++) pos[i] = rng.next();
  const k = Math.sqrt(1 / Math.max(n, 1));
  const disp = new Float64Array(2 * n);
  for (let it = 0; it < o.iterations; it++) {
    const temp = 0.1 * (1 - it / o.iterations);
    disp.fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let dx = pos[2 * i] - pos[2 * j];
        let dy = pos[2 * i + 1] - pos[2 * j + 1];
        let d2 = dx * dx + dy * dy;
        if (d2 < 1e-18) {
          dx = 1e-9 * (i - j);
          dy = 1e-9;
          d2 = dx * dx + dy * dy;
        }
        const f = (k * k) / d2; // (k²/d) / d: force along the unit vector
        disp[2 * i] += dx * f;
        disp[2 * i + 1] += dy * f;
        disp[2 * j] -= dx * f;
        disp[2 * j + 1] -= dy * f;
      }
    }
    for (const e of edges) {
      if (e.source === e.target) continue;
      const dx = pos[2 * e.source] - pos[2 * e.target];
      const dy = pos[2 * e.source + 1] - pos[2 * e.target + 1];
      const d = Math.sqrt(dx * dx + dy * dy);
      const f = (d / k) * (e.weight ?? 1); // (d²/k) / d
      disp[2 * e.source] -= dx * f;
      disp[2 * e.source + 1] -= dy * f;
      disp[2 * e.target] += dx * f;
      disp[2 * e.target + 1] += dy * f;
    }
    for (let i = 0; i < n; i++) {
      const dx = disp[2 * i];
      const dy = disp[2 * i + 1];
      const len = Math.sqrt(dx * dx + dy * dy);
      if (len > 0) {
        const step = Math.min(len, temp) / len;
        pos[2 * i] += dx * step;
        pos[2 * i + 1] += dy * step;
      }
    }
  }
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < n; i++) {
    cx += pos[2 * i] / n;
    cy += pos[2 * i + 1] / n;
  }
  for (let i = 0; i < n; i++) {
    pos[2 * i] -= cx;
    pos[2 * i + 1] -= cy;
  }
  return pos;
}
