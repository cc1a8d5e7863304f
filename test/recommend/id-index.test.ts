import pl from "nodejs-polars";
import { describe, expect, it } from "vitest";
import { decodeIds, encodeIds, indexInteractions } from "../../src/recommend/id-index";
import { createRng } from "../../src/util/rng";
import { eventsFrame, randomEvents, type Ev } from "../contracts/fixtures";

/** Brute-force oracle: sorted ids and the merged value of every (user, item) pair. */
function oracle(rows: Ev[], merge: "binary" | "count" | "max-rating") {
  const users = [...new Set(rows.map((r) => r.user))].sort();
  const items = [...new Set(rows.map((r) => r.item))].sort();
  const cell = new Map<string, number>();
  for (const r of rows) {
    const key = `${users.indexOf(r.user)},${items.indexOf(r.item)}`;
    const old = cell.get(key);
    const v = merge === "binary" ? 1 : merge === "count" ? (old ?? 0) + 1 : Math.max(old ?? -Infinity, r.rating ?? 1);
    cell.set(key, v);
  }
  return { users, items, cell };
}

function cells(inter: ReturnType<typeof indexInteractions>): Map<string, number> {
  const out = new Map<string, number>();
  const { indptr, indices, values } = inter.csr;
  for (let u = 0; u < inter.userIds.length; u++) {
    const row = Array.from(indices.subarray(indptr[u], indptr[u + 1]));
    expect(row).toEqual([...row].sort((a, b) => a - b)); // ascending, distinct
    expect(new Set(row).size).toBe(row.length);
    for (let p = indptr[u]; p < indptr[u + 1]; p++) out.set(`${u},${indices[p]}`, values[p]);
  }
  return out;
}

describe("indexInteractions", () => {
  for (const merge of ["binary", "count", "max-rating"] as const) {
    it(`builds the merged CSR of random events with duplicates (${merge})`, () => {
      const rows = randomEvents(300, 5, { users: 12, items: 15 });
      const inter = indexInteractions(eventsFrame(rows), { merge });
      const o = oracle(rows, merge);
      expect(inter.userIds).toEqual(o.users);
      expect(inter.itemIds).toEqual(o.items);
      expect(cells(inter)).toEqual(o.cell);
      expect(inter.duplicates).toBe(300 - o.cell.size);
      expect(inter.rows).toBe(300);
    });
  }

  it("does not depend on row order", () => {
    const rows = randomEvents(200, 6);
    const a = indexInteractions(eventsFrame(rows));
    const b = indexInteractions(eventsFrame(createRng(1).shuffle([...rows])));
    expect(b.userIds).toEqual(a.userIds);
    expect(Array.from(b.csr.indices)).toEqual(Array.from(a.csr.indices));
    expect(Array.from(b.csr.values)).toEqual(Array.from(a.csr.values));
  });

  it("indexes a universe of extra ids with empty rows", () => {
    const inter = indexInteractions(eventsFrame([{ user: "b", item: "y" }]), { universe: { users: ["a", "c"], items: ["z", "x"] } });
    expect(inter.userIds).toEqual(["a", "b", "c"]);
    expect(inter.itemIds).toEqual(["x", "y", "z"]);
    expect(Array.from(inter.csr.indptr)).toEqual([0, 0, 1, 1]);
    expect(Array.from(inter.csr.indices)).toEqual([1]);
  });

  it("fails loudly on nulls, a missing column and a bad merge rule", () => {
    const withNull = pl.DataFrame({ user: ["a", null], item: ["x", "y"] });
    expect(() => indexInteractions(withNull)).toThrow(/1 null value/);
    expect(() => indexInteractions(pl.DataFrame({ user: ["a"] }))).toThrow(/item/);
    expect(() => indexInteractions(eventsFrame([{ user: "a", item: "x" }]).drop("rating"), { merge: "max-rating" })).toThrow(/rating/);
    expect(() => indexInteractions(eventsFrame([{ user: "a", item: "x" }]), { merge: "sum" as never })).toThrow(/merge/);
  });
});

describe("encodeIds / decodeIds", () => {
  it("round-trip in row order, unknown ids as -1 / null", () => {
    const ids = ["a", "b", "c", "d"];
    const df = pl.DataFrame({ item: ["d", "zz", "a", "c", "a", "b"] });
    const codes = encodeIds(df, "item", ids);
    expect(Array.from(codes)).toEqual([3, -1, 0, 2, 0, 1]);
    expect(decodeIds("item", codes, ids).toArray()).toEqual(["d", null, "a", "c", "a", "b"]);
  });

  it("keeps row order on a large shuffled column (join path)", () => {
    const rng = createRng(3);
    const ids = Array.from({ length: 500 }, (_, i) => `id${String(i).padStart(3, "0")}`);
    const codes = Int32Array.from({ length: 50_000 }, () => rng.int(500)); // above the Map path's size: a Polars join
    const series = decodeIds("item", codes, ids);
    expect(series.toArray()).toEqual(Array.from(codes, (c) => ids[c]));
    expect(Array.from(encodeIds(pl.DataFrame([series]), "item", ids))).toEqual(Array.from(codes));
  });
});
