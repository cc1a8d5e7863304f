import pl from "nodejs-polars";
import { describe, expect, it } from "vitest";
import { csrToDense, isSymmetricCsr } from "../../src/graph/csr";
import { graphDegreeFrame } from "../../src/graph/graph-degree-frame";
import { itemTransitions } from "../../src/graph/item-transitions";
import { buildStGraph, stAdjacency } from "../../src/graph/st-graph";

const H = 3_600_000;
const DAY = 24 * H;
const t0 = Date.UTC(2024, 0, 10);

/**
 * Hand-made events. Items: a (0,0), b (0, 0.01°), c (0, 0.02°), d (far away, 10°N), e (no coordinates).
 * u1: a → b (1 h) → c (10 h later, beyond 6 h) → c (self loop, 1 h);  u2: b → a (2 h), a again 30 days earlier.
 */
function events(): pl.DataFrame {
  const rows = [
    ["u1", "a", t0 - 12 * H, 0, 0],
    ["u1", "b", t0 - 11 * H, 0, 0.01],
    ["u1", "c", t0 - 1 * H, 0, 0.02],
    ["u1", "c", t0, 0, 0.02],
    ["u2", "a", t0 - 30 * DAY, 0, 0],
    ["u2", "b", t0 - 4 * H, 0, 0.01],
    ["u2", "a", t0 - 2 * H, 0, 0],
    ["u3", "d", t0 - 1 * DAY, 10, 0],
    ["u3", "e", t0 - 1 * DAY + H, null, null],
  ] as const;
  return pl.DataFrame({
    user: rows.map((r) => r[0]),
    item: rows.map((r) => r[1]),
    ts: rows.map((r) => new Date(r[2])),
    lat: rows.map((r) => r[3]),
    lon: rows.map((r) => r[4]),
  }).withColumns(pl.col("ts").cast(pl.Datetime("ms")));
}

describe("itemTransitions", () => {
  it("counts consecutive pairs within the gap, by reason otherwise", () => {
    // user 0: items 0,1,1,2 at 0, 1h, 2h, 20h; user 1: 2 then 0 with a missing time
    const r = itemTransitions([0, 0, 0, 0, 1, 1], [0, 1, 1, 2, 2, 0], [0, H, 2 * H, 20 * H, 5, NaN], 3, { maxGapMs: 6 * H });
    expect(Array.from(csrToDense(r.matrix))).toEqual([0, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(r.counts).toEqual({ pairs: 4, kept: 1, tooLate: 1, selfLoops: 1, missingTime: 1 });
  });
});

describe("buildStGraph", () => {
  const g = buildStGraph(events(), { tauDays: 30, proximityK: 1, proximityScaleM: 1000 });

  it("weights user–item edges by exp(−age/τ) summed over visits", () => {
    expect(g.userIds).toEqual(["u1", "u2", "u3"]);
    expect(g.itemIds).toEqual(["a", "b", "c", "d", "e"]);
    const R = csrToDense(g.userItem);
    const w = (hours: number): number => Math.exp(-hours / 24 / 30);
    expect(R[0 * 5 + 2]).toBeCloseTo(w(1) + w(0), 6); // u1 visited c twice
    expect(R[1 * 5 + 0]).toBeCloseTo(w(2) + Math.exp(-1), 6); // u2 at a: 2 h ago and 30 days ago
    expect(R[2 * 5 + 4]).toBeCloseTo(w(23), 6);
    expect(g.counts.events).toBe(9);
  });

  it("keeps transitions within 6 h and counts the rest", () => {
    const T = csrToDense(g.transition);
    // a→b (u1, 1 h), b→a (u2, 2 h); b→c is 10 h (too late), c→c a self loop, a(30 d ago)→b too late, d→e 1 h
    const edges: string[] = [];
    for (let i = 0; i < 5; i++) for (let j = 0; j < 5; j++) if (T[i * 5 + j]) edges.push(`${g.itemIds[i]}${g.itemIds[j]}:${T[i * 5 + j]}`);
    expect(edges).toEqual(["ab:1", "ba:1", "de:1"]);
    expect(g.counts.transitions).toMatchObject({ kept: 3, tooLate: 2, selfLoops: 1 });
  });

  it("links each item to its nearest item (symmetrised) with exp(−d/scale)", () => {
    expect(isSymmetricCsr(g.proximity)).toBe(true);
    const P = csrToDense(g.proximity);
    const d = 1111.95; // 0.01° of longitude on the equator, metres
    expect(P[0 * 5 + 1]).toBeCloseTo(Math.exp(-d / 1000), 4); // a–b
    expect(P[1 * 5 + 2]).toBeCloseTo(Math.exp(-d / 1000), 4); // c's nearest is b
    expect(g.proximity.indptr[4] - g.proximity.indptr[3]).toBe(0); // d's nearest (a) is 1,112 km away: exp(−1112) underflows, no stored zero
    expect(g.counts.itemsWithoutCoords).toBe(1); // e
    expect(Array.from(P.slice(4 * 5, 5 * 5))).toEqual([0, 0, 0, 0, 0]);
  });

  it("combines typed edges into one symmetric block adjacency", () => {
    const A = stAdjacency(g, { transitionWeight: 2, proximityWeight: 0 });
    expect(isSymmetricCsr(A, 1e-6)).toBe(true);
    const D = csrToDense(A);
    const n = 8; // 3 users + 5 items
    expect(D[(3 + 0) * n + (3 + 1)]).toBe(4); // a–b: 2·(T + Tᵀ) = 2·(1 + 1)
    expect(D[(3 + 3) * n + (3 + 4)]).toBe(2); // d–e: 2·(1 + 0)
    expect(D[0 * n + 3 + 2]).toBeCloseTo(csrToDense(g.userItem)[2], 6);
  });

  it("reports degrees by node and edge type", () => {
    const deg = graphDegreeFrame(g);
    expect(deg.columns).toEqual(["node", "node_type", "edge_type", "degree", "weighted_degree"]);
    expect(deg.height).toBe(3 + 5 * 4);
    const row = (node: string, type: string) => deg.filter(pl.col("node").eq(pl.lit(node)).and(pl.col("edge_type").eq(pl.lit(type)))).toRecords()[0] as Record<string, number>;
    expect(row("u1", "user-item").degree).toBe(3);
    expect(row("a", "user-item").degree).toBe(2);
    expect(row("a", "transition-out").degree).toBe(1);
    expect(row("b", "transition-in").degree).toBe(1);
  });

  it("fails loudly on missing columns and nulls", () => {
    expect(() => buildStGraph(events().drop("ts"))).toThrow(/ts/);
    expect(() => buildStGraph(events().withColumns(pl.when(pl.col("user").eq(pl.lit("u3"))).then(pl.lit(null)).otherwise(pl.col("user")).alias("user")))).toThrow(/null/);
    expect(() => buildStGraph(events(), { tauDays: 0 })).toThrow(/tauDays/);
  });
});
