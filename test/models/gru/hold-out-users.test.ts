import pl from "nodejs-polars";
import { describe, expect, it } from "vitest";
import { holdOutUsers } from "../../../src/models/gru/hold-out-users";
import { eventsOf } from "./fixtures";

const users = (df: pl.DataFrame): string[] => [...new Set(df.getColumn("user").toArray() as string[])].sort();

describe("holdOutUsers", () => {
  const df = eventsOf(Object.fromEntries(Array.from({ length: 10 }, (_, u) => [`u${u}`, ["A", "B", "C"]])));

  it("sends round(fraction · users) whole users to test, disjoint from train, all rows kept", () => {
    const { train, test, report } = holdOutUsers(df, { testFraction: 0.3, seed: 1 });
    expect(users(test).length).toBe(3);
    expect(users(train).length).toBe(7);
    expect(users(train).filter((u) => users(test).includes(u))).toEqual([]);
    expect(train.height + test.height).toBe(df.height);
    expect(test.height).toBe(9); // 3 users × 3 events
    expect(report.usersTest).toBe(3);
  });

  it("is seeded and independent of row order", () => {
    const a = users(holdOutUsers(df, { seed: 5 }).test);
    const b = users(holdOutUsers(df.sample(df.height, undefined, undefined, 9), { seed: 5 }).test);
    expect(b).toEqual(a);
    const draws = new Set([1, 2, 3, 4, 5, 6].map((seed) => users(holdOutUsers(df, { seed }).test).join(",")));
    expect(draws.size).toBeGreaterThan(1);
  });

  it("rejects a bad fraction or a single user", () => {
    expect(() => holdOutUsers(df, { testFraction: 1 })).toThrow(/testFraction must be in \(0, 1\)/);
    expect(() => holdOutUsers(eventsOf({ a: ["A"] }))).toThrow(/at least 2 users/);
  });
});
