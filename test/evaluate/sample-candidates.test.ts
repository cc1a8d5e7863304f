import { describe, expect, it } from "vitest";
import { sampleCandidates } from "../../src/evaluate/sample-candidates";
import { pairsFrame } from "../contracts/fixtures";

describe("sampleCandidates", () => {
  const items = Array.from({ length: 30 }, (_, i) => `i${String(i).padStart(2, "0")}`);
  const train = pairsFrame([["a", "i00"], ["a", "i01"], ["b", "i02"], ["c", "i03"]]);
  const truth = pairsFrame([["a", "i05"], ["b", "i06"], ["b", "i07"]]);

  it("holds each test user's held-out items plus n negatives outside train and truth", () => {
    const c = sampleCandidates(truth, train, { n: 5, seed: 1, items });
    const rows = c.toRecords() as { user: string; item: string }[];
    expect([...new Set(rows.map((r) => r.user))]).toEqual(["a", "b"]);
    const of = (u: string) => rows.filter((r) => r.user === u).map((r) => r.item);
    expect(of("a").slice(0, 1)).toEqual(["i05"]);
    expect(of("b").slice(0, 2)).toEqual(["i06", "i07"]);
    expect(of("a").length).toBe(6);
    expect(of("b").length).toBe(7);
    for (const i of of("a").slice(1)) expect(["i00", "i01", "i05"]).not.toContain(i);
    for (const i of of("b").slice(2)) expect(["i02", "i06", "i07"]).not.toContain(i);
    expect(new Set(of("a")).size).toBe(6);
  });

  it("is deterministic for a seed and takes all free items when n exceeds them", () => {
    const a = sampleCandidates(truth, train, { n: 5, seed: 3, items }).toRecords();
    expect(sampleCandidates(truth, train, { n: 5, seed: 3, items }).toRecords()).toEqual(a);
    expect(sampleCandidates(truth, train, { n: 5, seed: 4, items }).toRecords()).not.toEqual(a);
    const all = sampleCandidates(truth, train, { n: 100, seed: 3, items }).toRecords() as { user: string }[];
    expect(all.filter((r) => r.user === "a").length).toBe(1 + 27); // 30 items − 2 train − 1 held out
  });

  it("draws negatives roughly uniformly", () => {
    // 400 users, each with i00 held out and i01 in training: 8 free items, 4 drawn per user
    const users = Array.from({ length: 400 }, (_, u) => `u${u}`);
    const c = sampleCandidates(pairsFrame(users.map((u) => [u, "i00"])), pairsFrame(users.map((u) => [u, "i01"])), { n: 4, seed: 5, items: items.slice(0, 10) });
    const counts = new Map<string, number>();
    for (const r of c.toRecords() as { item: string }[]) counts.set(r.item, (counts.get(r.item) ?? 0) + 1);
    expect(counts.get("i00")).toBe(400);
    expect(counts.has("i01")).toBe(false);
    // each free item ~ 400 * 4 / 8 = 200 (sd ~10); allow 45
    for (const i of items.slice(2, 10)) expect(Math.abs((counts.get(i) ?? 0) - 200)).toBeLessThan(45);
  });
});
