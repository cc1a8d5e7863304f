import pl from "nodejs-polars";
import { describe, expect, it } from "vitest";
import { sampleUsers } from "../../src/io/sample-users";

const df = pl.DataFrame({ user: ["a", "b", "b", "c", "d", "d", "d", "e"], item: ["1", "2", "3", "4", "5", "6", "7", "8"] });

describe("sampleUsers", () => {
  it("keeps every event of exactly n users, the same ones for the same seed, whatever the row order", () => {
    const s1 = sampleUsers(df, 2, { seed: 1 });
    const users = new Set(s1.getColumn("user").toArray());
    expect(users.size).toBe(2);
    const expectedRows = df.toRecords().filter((r) => users.has(r.user as string)).length;
    expect(s1.height).toBe(expectedRows);
    const shuffled = df.sample(df.height, undefined, false, 3);
    expect(new Set(sampleUsers(shuffled, 2, { seed: 1 }).getColumn("user").toArray())).toEqual(users);
    const draws = new Set([1, 2, 3, 4, 5, 6].map((seed) => [...new Set(sampleUsers(df, 2, { seed }).getColumn("user").toArray())].sort().join()));
    expect(draws.size).toBeGreaterThan(1);
  });
  it("returns the frame unchanged when n is 0 or covers every user, and rejects non-integers", () => {
    expect(sampleUsers(df, 0).height).toBe(df.height);
    expect(sampleUsers(df, 10).height).toBe(df.height);
    expect(() => sampleUsers(df, 1.5)).toThrow(/integer/);
  });
});
