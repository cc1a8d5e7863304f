import pl from "nodejs-polars";
import { describe, expect, it } from "vitest";
import { graphSubset } from "../../src/graph/graph-subset";
import { buildStGraph } from "../../src/graph/st-graph";

const H = 3_600_000;
const t0 = Date.UTC(2024, 0, 10);
// u1 visits a, b, c (a twice); u2 visits a; u3 visits d. a, b, c in a row 0.01° apart; a → b transitions.
const df = pl.DataFrame({
  user: ["u1", "u1", "u1", "u1", "u2", "u3"],
  item: ["a", "b", "a", "c", "a", "d"],
  ts: [0, 1, 2, 3, 5, 6].map((h) => new Date(t0 + h * H)),
  lat: [0, 0, 0, 0, 0, 5],
  lon: [0, 0.01, 0, 0.02, 0, 5],
}).withColumns(pl.col("ts").cast(pl.Datetime("ms")));
const g = buildStGraph(df, { proximityK: 1 });

describe("graphSubset", () => {
  it("keeps the most active users, their heaviest items and the item–item edges among them", () => {
    const s = graphSubset(g, { users: 2, itemsPerUser: 2 });
    // weighted degrees: u1 ≈ 4 visits, u3 = 1 (the latest event, age 0), u2 ≈ 0.9986 (one hour older)
    expect(s.nodes.map((n) => `${n.type}:${n.id}`)).toEqual(["user:u1", "user:u3", "item:a", "item:c", "item:d"]);
    // u1's two heaviest: a (two visits) then c (the most recent of b and c: larger decayed weight)
    expect(s.edges.filter((e) => e.type === "user-item").map((e) => `${s.nodes[e.source].id}-${s.nodes[e.target].id}`)).toEqual(["u1-a", "u1-c", "u3-d"]);
    expect(s.nodes[2].degree).toBe(2); // item a has two users
    for (const e of s.edges) expect(e.source < s.nodes.length && e.target < s.nodes.length).toBe(true);
  });

  it("includes transition and proximity edges, proximity once per pair", () => {
    const s = graphSubset(g, { users: 1, itemsPerUser: 3 });
    const ids = (e: { source: number; target: number }) => `${s.nodes[e.source].id}${s.nodes[e.target].id}`;
    expect(s.edges.filter((e) => e.type === "transition").map(ids).sort()).toEqual(["ab", "ac", "ba"]);
    const prox = s.edges.filter((e) => e.type === "proximity").map(ids);
    expect(new Set(prox.map((p) => [...p].sort().join(""))).size).toBe(prox.length);
    expect(graphSubset(g, { users: 1, itemsPerUser: 3, itemItem: false }).edges.every((e) => e.type === "user-item")).toBe(true);
    expect(() => graphSubset(g, { users: 0 })).toThrow(/users/);
  });
});
