import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pl from "nodejs-polars";
import { describe, expect, it } from "vitest";
import { embeddingsFrame } from "../../src/graph/embeddings-frame";

describe("embeddingsFrame", () => {
  const emb = Float32Array.of(1, 2, 3, 4, 5, 6);

  it("puts row i, component c of the row-major array in row i, column e<c>", () => {
    const df = embeddingsFrame(["a", "b", "c"], emb, 2);
    expect(df.columns).toEqual(["item", "e0", "e1"]);
    expect(df.toRecords()).toEqual([{ item: "a", e0: 1, e1: 2 }, { item: "b", e0: 3, e1: 4 }, { item: "c", e0: 5, e1: 6 }]);
    expect(df.getColumn("e0").dtype.equals(pl.Float32)).toBe(true);
  });

  it("round-trips through Parquet bit for bit", () => {
    const ids = ["x", "y"];
    const v = Float32Array.of(0.1, -2.5e-8, 3.25, 1e30);
    const file = join(mkdtempSync(join(tmpdir(), "emb-")), "e.parquet");
    embeddingsFrame(ids, v, 2, { idColumn: "user", prefix: "u" }).writeParquet(file);
    const back = pl.readParquet(file);
    expect(back.columns).toEqual(["user", "u0", "u1"]);
    expect(Array.from(back.getColumn("u0").toArray() as number[])).toEqual([v[0], v[2]]);
    expect(Array.from(back.getColumn("u1").toArray() as number[])).toEqual([v[1], v[3]]);
  });

  it("rejects mismatched lengths, a bad dim and non-finite values, naming the id", () => {
    expect(() => embeddingsFrame(["a"], emb, 2)).toThrow(/needs 2 values, got 6/);
    expect(() => embeddingsFrame(["a"], emb, 0)).toThrow(/dim must be an integer/);
    expect(() => embeddingsFrame(["a", "b"], Float32Array.of(1, NaN), 1)).toThrow(/e0 of id "b" \(row 1\) is NaN/);
  });
});
