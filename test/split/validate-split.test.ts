import { describe, expect, it } from "vitest";
import { randomRatioSplit } from "../../src/split/random-ratio-split";
import { validateSplit } from "../../src/split/validate-split";
import { DataError } from "../../src/util/data-error";
import { frameOf, randomRows, type Row } from "../clean/fixtures";

const T = Date.UTC(2024, 0, 1);

describe("validateSplit", () => {
  const train: Row[] = [
    { user: "a", item: "x", ts: T + 10 },
    { user: "b", item: "x", ts: T + 20 },
    { user: "c", item: "x", ts: T + 30 },
  ];

  it("accepts equal timestamps (precedes is strict)", () => {
    const test: Row[] = [{ user: "a", item: "y", ts: T + 30 }];
    expect(() => validateSplit(frameOf(train), frameOf(test), { promise: "global" })).not.toThrow();
  });

  it("global: names the user of the earliest test event before the latest training event", () => {
    const test: Row[] = [
      { user: "z", item: "y", ts: T + 25 },
      { user: "y", item: "y", ts: T + 15 }, // earliest offender
      { user: "a", item: "y", ts: T + 40 },
    ];
    expect(() => validateSplit(frameOf(train), frameOf(test), { promise: "global" })).toThrow(DataError);
    expect(() => validateSplit(frameOf(train), frameOf(test), { promise: "global" })).toThrow(/user 'y'/);
  });

  it("per-user: compares each user with their own history and names the first offender by id", () => {
    const test: Row[] = [
      { user: "c", item: "y", ts: T + 29 }, // before c's training event at T+30
      { user: "b", item: "y", ts: T + 19 }, // before b's training event at T+20
      { user: "a", item: "y", ts: T + 11 }, // after a's history: fine
    ];
    expect(() => validateSplit(frameOf(train), frameOf(test), { promise: "per-user-chronological" })).toThrow(/user 'b'/);
    // the same test set breaks the global promise but the per-user one only for b and c
    const okPerUser: Row[] = [{ user: "a", item: "y", ts: T + 11 }];
    expect(() => validateSplit(frameOf(train), frameOf(okPerUser), { promise: "per-user-chronological" })).not.toThrow();
    expect(() => validateSplit(frameOf(train), frameOf(okPerUser), { promise: "global" })).toThrow(/user 'a'/);
  });

  it("matches a brute-force check on random splits", () => {
    const rows = randomRows(500, 31, { users: 25 });
    const { train: tr, test: te } = randomRatioSplit(frameOf(rows), { testRatio: 0.3, seed: 3 });
    expect(() => validateSplit(tr, te, { promise: "none" })).not.toThrow();
    // oracle: the offending user with the smallest id
    const trRows = tr.toRecords() as unknown as { user: string; ts: Date }[];
    const teRows = te.toRecords() as unknown as { user: string; ts: Date }[];
    const bad = [...new Set(teRows.filter((t) => trRows.some((r) => r.user === t.user && t.ts.getTime() < r.ts.getTime())).map((t) => t.user))].sort();
    expect(bad.length).toBeGreaterThan(0);
    expect(() => validateSplit(tr, te, { promise: "per-user-chronological" })).toThrow(new RegExp(`user '${bad[0]}'`));
  });

  it("rejects an unknown promise", () => {
    expect(() => validateSplit(frameOf(train), frameOf(train), { promise: "weekly" as never })).toThrow(/promise/);
  });
});
