import { describe, expect, it } from "vitest";
import { pca } from "../../src/graph/pca";
import { projectEmbeddings } from "../../src/graph/project-embeddings";
import { createRng } from "../../src/util/rng";

describe("pca", () => {
  it("recovers planted axes and variances of a rotated anisotropic cloud", () => {
    // axes u = (1, 2, 2)/3 (sd 5), w = (2, 1, -2)/3 (sd 2), z = (2, -2, 1)/3 (sd 0.5), mean (1, -1, 3)
    const rng = createRng(2);
    const n = 20000;
    const axes = [[1 / 3, 2 / 3, 2 / 3], [2 / 3, 1 / 3, -2 / 3], [2 / 3, -2 / 3, 1 / 3]];
    const sds = [5, 2, 0.5];
    const x = new Float64Array(n * 3);
    for (let i = 0; i < n; i++) {
      const z = sds.map((s) => s * rng.normal());
      for (let j = 0; j < 3; j++) x[i * 3 + j] = [1, -1, 3][j] + z[0] * axes[0][j] + z[1] * axes[1][j] + z[2] * axes[2][j];
    }
    const p = pca(x, n, 3, { components: 3 });
    for (let r = 0; r < 3; r++) {
      const cos = Math.abs(axes[r].reduce((s, v, j) => s + v * p.components[r * 3 + j], 0));
      expect(cos).toBeGreaterThan(0.999);
      expect(Math.sqrt(p.variance[r]) / sds[r]).toBeCloseTo(1, 1);
    }
    expect(p.mean[2]).toBeCloseTo(3, 1);
    expect(p.varianceRatio[0]).toBeCloseTo(25 / 29.25, 2);
    // scores are the centred data on the axes: their variance is the eigenvalue
    let v0 = 0;
    for (let i = 0; i < n; i++) v0 += p.scores[i * 3] ** 2 / (n - 1);
    expect(v0).toBeCloseTo(p.variance[0], 6);
  });

  it("is deterministic, signs the largest loading positive and validates its input", () => {
    const x = Float64Array.of(0, 0, 2, 1, 4, 2, 6, 3); // points on the line y = x/2
    const p = pca(x, 4, 2, { components: 1 });
    expect(p.components[0]).toBeGreaterThan(0);
    expect(p.varianceRatio[0]).toBeCloseTo(1, 12);
    expect(Array.from(p.scores).map((s) => Number(s.toFixed(6)))).toEqual([-3.354102, -1.118034, 1.118034, 3.354102]);
    expect(() => pca(x, 4, 2, { components: 3 })).toThrow(/components/);
    expect(() => pca(Float64Array.of(1, NaN, 2, 3), 2, 2)).toThrow(/not finite/);
  });

  it("projectEmbeddings returns id + pc columns", () => {
    const { frame } = projectEmbeddings(["a", "b", "c", "d"], Float64Array.of(0, 0, 2, 1, 4, 2, 6, 3), 2);
    expect(frame.columns).toEqual(["item", "pc1", "pc2"]);
    expect(frame.getColumn("pc1").toArray()[3]).toBeCloseTo(3.354102, 5);
  });
});
