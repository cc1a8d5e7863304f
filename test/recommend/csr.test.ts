import { describe, expect, it } from "vitest";
import { columnCounts, findId, transposeCsr, type Csr } from "../../src/recommend/csr";
import { createRng } from "../../src/util/rng";

/** Random sparse matrix and its dense twin. */
function randomCsr(seed: number, nRows: number, nCols: number, density: number): { m: Csr; dense: number[][] } {
  const rng = createRng(seed);
  const dense = Array.from({ length: nRows }, () => Array.from({ length: nCols }, () => (rng.next() < density ? 1 + rng.int(9) : 0)));
  const indptr = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const row of dense) {
    row.forEach((v, c) => {
      if (v) {
        indices.push(c);
        values.push(v);
      }
    });
    indptr.push(indices.length);
  }
  return { m: { nRows, nCols, indptr: Int32Array.from(indptr), indices: Int32Array.from(indices), values: Float32Array.from(values) }, dense };
}

const toDense = (m: Csr): number[][] => {
  const d = Array.from({ length: m.nRows }, () => new Array<number>(m.nCols).fill(0));
  for (let r = 0; r < m.nRows; r++) for (let p = m.indptr[r]; p < m.indptr[r + 1]; p++) d[r][m.indices[p]] = m.values[p];
  return d;
};

describe("csr", () => {
  it("transposes: the dense form of the transpose is the transposed dense matrix, columns ascending", () => {
    for (const seed of [1, 2, 3]) {
      const { m, dense } = randomCsr(seed, 7, 11, 0.3);
      const t = transposeCsr(m);
      expect([t.nRows, t.nCols]).toEqual([11, 7]);
      expect(toDense(t)).toEqual(dense[0].map((_, c) => dense.map((row) => row[c])));
      for (let r = 0; r < t.nRows; r++) {
        const row = Array.from(t.indices.subarray(t.indptr[r], t.indptr[r + 1]));
        expect(row).toEqual([...row].sort((a, b) => a - b));
      }
    }
  });

  it("counts stored entries per column", () => {
    const { m, dense } = randomCsr(4, 9, 6, 0.4);
    expect(Array.from(columnCounts(m))).toEqual(dense[0].map((_, c) => dense.filter((row) => row[c] !== 0).length));
  });

  it("finds ids by binary search in JavaScript sort order", () => {
    const ids = ["10", "2", "a", "B", "é", "ä"].sort();
    ids.forEach((id, i) => expect(findId(ids, id)).toBe(i));
    expect(findId(ids, "3")).toBe(-1);
    expect(findId([], "x")).toBe(-1);
  });
});
