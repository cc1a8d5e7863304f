import { describe, expect, it } from "vitest";
import { forceLayout } from "../../src/graph/force-layout";

/** Two 6-cliques (0–5, 6–11) joined by one edge. */
function twoCliques() {
  const edges: { source: number; target: number }[] = [];
  for (const off of [0, 6]) for (let i = 0; i < 6; i++) for (let j = i + 1; j < 6; j++) edges.push({ source: off + i, target: off + j });
  edges.push({ source: 0, target: 6 });
  return edges;
}

describe("forceLayout", () => {
  it("places the members of a clique closer to each other than to the other clique", () => {
    const xy = forceLayout(12, twoCliques(), { seed: 1 });
    const d = (a: number, b: number): number => Math.hypot(xy[2 * a] - xy[2 * b], xy[2 * a + 1] - xy[2 * b + 1]);
    let within = 0, across = 0;
    for (let a = 0; a < 12; a++) {
      for (let b = a + 1; b < 12; b++) {
        if ((a < 6) === (b < 6)) within += d(a, b) / 30;
        else across += d(a, b) / 36;
      }
    }
    expect(across).toBeGreaterThan(2 * within);
  });

  it("is deterministic for a seed, centred, and refuses large graphs", () => {
    const a = forceLayout(12, twoCliques(), { seed: 5 });
    expect(Array.from(forceLayout(12, twoCliques(), { seed: 5 }))).toEqual(Array.from(a));
    expect(Array.from(forceLayout(12, twoCliques(), { seed: 6 }))).not.toEqual(Array.from(a));
    let cx = 0;
    for (let i = 0; i < 12; i++) cx += a[2 * i];
    expect(Math.abs(cx)).toBeLessThan(1e-9);
    expect(() => forceLayout(10, [], { maxNodes: 5 })).toThrow(/maxNodes/);
    expect(() => forceLayout(2, [{ source: 0, target: 2 }])).toThrow(/outside/);
  });
});
