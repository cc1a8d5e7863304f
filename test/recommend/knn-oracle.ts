/** Dense matrix helpers for the KNN oracles (plain JS, no sparsity tricks). */
export type Dense = number[][];

/** Dense cosine similarity with shrinkage between rows, top-n positive neighbours per row (ties by index), values rounded to float32. */
export function denseNeighbours(rows: Dense, n: number, shrink: number): Dense {
  const norm = rows.map((r) => Math.sqrt(r.reduce((s, x) => s + x * x, 0)));
  return rows.map((a, ia) => {
    const sims = rows.map((b, ib) => {
      if (ib === ia) return 0;
      let dot = 0;
      for (let f = 0; f < a.length; f++) dot += a[f] * b[f];
      return dot / (norm[ia] * norm[ib] + shrink);
    });
    const keep = sims
      .map((s, ib) => [s, ib] as const)
      .filter(([s]) => s > 0)
      .sort((x, y) => y[0] - x[0] || x[1] - y[1])
      .slice(0, n);
    const w = rows.map(() => 0);
    for (const [s, ib] of keep) w[ib] = Math.fround(s);
    return w;
  });
}

/** Transpose of a dense matrix. */
export const transpose = (m: Dense): Dense => m[0].map((_, j) => m.map((r) => r[j]));
